# Help for Disconnect-OciEngine. The syntax (parameter sets, types, positions, pipeline input) comes from the cmdlet
# itself: eng/help/Build-Help.ps1 adds it when it writes the MAML. See docs/help.md.
@{
    Synopsis     = 'Closes engine connections.'
    Description  = @(
        'Disconnect-OciEngine closes connections and removes them from the session: those you pass with -Connection or pipe in (Get-OciConnection | Disconnect-OciEngine), those whose names match -Name, or, with -All, every connection of the session. Without any of these it closes the session default connection.'
        'Closing is idempotent: a connection that is already closed is no error. When the session default is closed, the session has no default until the next Connect-OciEngine. A connection object that other runspaces use is closed for them too: their requests then fail with the error Oci.ConnectionClosed.'
    )
    Parameters   = @{
        Connection = 'The connections to close, as returned by Connect-OciEngine or Get-OciConnection; they can be piped in. When no connection, -Name or -All is given, the session default is closed.'
        Name = 'Names of the session''s connections to close. Wildcards are permitted. A name without wildcards that matches no connection writes the non-terminating error Oci.ConnectionNotFound.'
        All = 'Closes every connection of the session.'
        PassThru = 'Outputs the closed connections (with Connected now False). By default, Disconnect-OciEngine outputs nothing.'
    }
    DefaultValues = @{
        Connection = 'The session default connection'
    }
    Inputs = @(
        @{ Type = 'Oci.PowerShell.OciConnection'; Description = 'Connections can be piped to Disconnect-OciEngine.' }
        @{ Type = 'Any object with a Name property'; Description = 'The value of its Name property selects a connection by name.' }
    )
    Outputs = @(
        @{ Type = 'None'; Description = 'By default, Disconnect-OciEngine outputs nothing.' }
        @{ Type = 'Oci.PowerShell.OciConnection'; Description = 'With -PassThru, the closed connections.' }
    )
    Notes        = @(
        'Remove-Module Oci also closes every connection the module made.'
        'The confirm impact is Low: -Confirm asks before each connection is closed, and -WhatIf shows which ones would be.'
    )
    Examples     = @(
        @{
            Title   = 'Close the session default connection'
            Code    = @'
PS> Disconnect-OciEngine
'@
            Remarks = 'Closes the connection most recently made by Connect-OciEngine; the session then has no default.'
        }
        @{
            Title   = 'Close every connection of the session'
            Code    = @'
PS> Get-OciConnection | Disconnect-OciEngine
'@
            Remarks = 'Get-OciConnection | Disconnect-OciEngine and Disconnect-OciEngine -All do the same.'
        }
        @{
            Title   = 'Close connections by name and show them'
            Code    = @'
PS> Disconnect-OciEngine -Name build* -PassThru

Name         Driver   Endpoint                          Engine     Version          API    Source             Connected
----         ------   --------                          ------     -------          ---    ------             ---------
build01      docker   tcp://build01:2376                Docker     27.3.1           1.47   explicit +TLS      False
'@
            Remarks = 'Closes the connections whose names start with build and outputs them.'
        }
        @{
            Title   = 'See what would be closed'
            Code    = @'
PS> Disconnect-OciEngine -All -WhatIf
'@
            Remarks = 'Shows a "What if" message per connection and closes nothing.'
        }
    )
    Links        = @(
        @{ Text = 'Project site'; Uri = 'https://github.com/oci-powershell/Oci' }
        @{ Text = 'Connect-OciEngine' }
        @{ Text = 'Get-OciConnection' }
    )
}
