# Help for Get-OciConnection. The syntax (parameter sets, types, positions, pipeline input) comes from the cmdlet
# itself: eng/help/Build-Help.ps1 adds it when it writes the MAML. See docs/help.md.
@{
    Synopsis     = 'Gets the engine connections of the current session.'
    Description  = @(
        'Get-OciConnection outputs the connections that Connect-OciEngine made in the current runspace and that are still open (Disconnect-OciEngine removes a connection from the session). Use -Name, which accepts wildcards, to select connections by name.'
        'Each connection runs on its own: pass one to -Connection of Invoke-OciPull or Invoke-OciRequest, or pipe connections to Disconnect-OciEngine to close them.'
    )
    Parameters   = @{
        Name = @(
            'Names of the connections to get. Wildcards are permitted (build*, oci?). When omitted, every connection of the session is returned.'
            'A name without wildcards that matches no connection writes the non-terminating error Oci.ConnectionNotFound (ObjectNotFound); a pattern that matches nothing returns nothing.'
        )
    }
    DefaultValues = @{
        Name = 'All connections of the session'
    }
    Inputs = @(
        @{ Type = 'System.String'; Description = 'Connection names (wildcards permitted) can be piped to Get-OciConnection, as can objects with a Name property.' }
    )
    Outputs = @(
        @{ Type = 'Oci.PowerShell.OciConnection'; Description = 'The matching connections of the session.' }
    )
    Notes        = 'Connections are kept per runspace: a runspace (a ForEach-Object -Parallel script block, a job, another PowerShell instance) lists only its own connections, even when it uses an OciConnection object it was given.'
    Examples     = @(
        @{
            Title   = 'List the connections of the session'
            Code    = @'
PS> Get-OciConnection

Name         Driver   Endpoint                          Engine     Version          API    Source             Connected
----         ------   --------                          ------     -------          ---    ------             ---------
oci1         docker   unix:///var/run/docker.sock       Docker     26.1.5           1.45   platform default   True
build01      docker   tcp://build01:2376                Docker     27.3.1           1.47   explicit +TLS      True
'@
            Remarks = 'Lists every open connection of this session.'
        }
        @{
            Title   = 'Select connections by name'
            Code    = @'
PS> Get-OciConnection -Name build*
'@
            Remarks = 'Gets the connections whose names start with build.'
        }
        @{
            Title   = 'Pass a connection to another cmdlet'
            Code    = @'
PS> Invoke-OciRequest -Method VERSION -Connection (Get-OciConnection build01)
'@
            Remarks = 'Asks the engine behind the connection named build01 for its version, whatever the session default is.'
        }
        @{
            Title   = 'Close every connection'
            Code    = @'
PS> Get-OciConnection | Disconnect-OciEngine
'@
            Remarks = 'Pipes every connection of the session to Disconnect-OciEngine, which closes them.'
        }
    )
    Links        = @(
        @{ Text = 'Project site'; Uri = 'https://github.com/oci-powershell/Oci' }
        @{ Text = 'Connect-OciEngine' }
        @{ Text = 'Disconnect-OciEngine' }
    )
}
