# Help for New-OciPSSession (see docs/help.md; the syntax comes from the cmdlet itself).
@{
    Synopsis      = 'Opens PowerShell sessions in running containers: pwsh inside, reached over the engine''s exec, as real PSSessions.'
    Description   = @(
        'New-OciPSSession starts pwsh in server mode (pwsh -NoLogo -NoProfile -s) in each running container through the engine''s exec API, and outputs a PSSession over it: the same object New-PSSession makes, listed by Get-PSSession, for Invoke-Command -Session (with $using:, -AsJob, -ArgumentList), Enter-PSSession, Copy-Item -ToSession and -FromSession, Import-PSSession and Remove-PSSession. No ssh, WinRM or open port is needed: the session rides on the engine connection (unix socket, TCP with TLS, or ssh), the same on Docker and Podman.'
        'The container needs pwsh (PowerShell 7) on its PATH and must be running. This side needs PowerShell 7.6 or later (the remoting transport API is built on it); Windows PowerShell 5.1 and older PowerShell 7 versions get Oci.Unsupported.'
        'Remove-PSSession ends the session (pwsh in the container exits). If this PowerShell ends without closing it, the engine closes pwsh''s input and pwsh exits on its own.'
    )
    Parameters    = @{
        Container  = 'Container names or ids (full, or a unique prefix, as Get-OciContainer shows them); -Id and -ContainerId are aliases. Strings bind from the pipeline by value, containers from Get-OciContainer by their Id property. Press Tab to complete the names and short ids the engine has.'
        Connection = 'The engines the containers are on. From the pipeline, the connection each container came from (its Connection property). When omitted, the session default.'
        Name       = 'A friendly name for the sessions (Get-PSSession -Name, Invoke-Command -Session (Get-PSSession -Name x)). Default: PowerShell''s own (RunspaceN).'
        User       = 'The user pwsh runs as in the container: a name, uid or uid:gid. Default: the container''s user.'
        Timeout    = 'Seconds the exec and pwsh''s first answer may take together before the attempt fails with Oci.Timeout.'
    }
    DefaultValues = @{ Connection = 'The session default connection'; Timeout = '30'; User = 'The container''s user'; Name = 'RunspaceN' }
    Inputs        = @(
        @{ Type = 'System.String'; Description = 'Container names or ids.' }
        @{ Type = 'Oci.OciContainer'; Description = 'Containers from Get-OciContainer: their Id and Connection bind by property name.' }
    )
    Outputs       = @(
        @{ Type = 'System.Management.Automation.Runspaces.PSSession'; Description = 'One session per container: ComputerName is the container''s name, Transport is Oci.' }
    )
    Notes         = @(
        'Errors per container are non-terminating and name it: Oci.ContainerNotFound (ObjectNotFound) when the engine has no such container, Oci.Conflict (ResourceBusy) when it does not run, Oci.NotFound (ObjectNotFound) when pwsh cannot run in it (the engine''s words say why), Oci.Timeout (OperationTimeout) when pwsh did not answer within -Timeout. On a PowerShell older than 7.6 the cmdlet fails with Oci.Unsupported (NotImplemented); without any connection with Oci.NoConnection.'
        'A session holds a connection of its own to the engine and belongs to the Oci connection it was opened through: Disconnect-OciEngine ends it too (its state turns Broken and pwsh in the container exits).'
        'See about_Oci and docs/remoting.md for how it works and its limits (no disconnect and reconnect, no second hop).'
    )
    Examples      = @(
        @{
            Title   = 'A session in a container'
            Code    = @'
PS> $s = Get-OciContainer web | New-OciPSSession
PS> Invoke-Command -Session $s { $PSVersionTable }
'@
            Remarks = 'Runs $PSVersionTable in pwsh inside the container web; the output comes back as deserialized objects. Give sessions to Invoke-Command by parameter: piped into it they bind to -InputObject and the script block runs locally.'
        }
        @{
            Title   = 'Keep a session and use it several times'
            Code    = @'
PS> $s = New-OciPSSession web -Name webshell
PS> Invoke-Command $s { Get-ChildItem /etc | Select-Object -First 3 }
PS> Copy-Item ./app.config -Destination /etc/app/ -ToSession $s
PS> Remove-PSSession $s
'@
            Remarks = 'Opens a named session, runs a command in it, copies a file into the container and closes the session.'
        }
        @{
            Title   = 'Sessions on Docker and Podman at once'
            Code    = @'
PS> $docker = Connect-OciEngine -Endpoint unix:///var/run/docker.sock -Name docker
PS> $podman = Connect-OciEngine -Endpoint unix:///run/podman/podman.sock -Name podman
PS> $sessions = Get-OciContainer -Label role=web -Connection $docker, $podman | New-OciPSSession
PS> Invoke-Command $sessions { hostname } 
'@
            Remarks = 'One session per labelled container on either engine; Invoke-Command runs in all of them in parallel.'
        }
    )
    Links         = @( @{ Text = 'Invoke-OciCommand' }; @{ Text = 'Enter-OciPSSession' }; @{ Text = 'Get-OciContainer' }; @{ Text = 'Invoke-Command' } )
}
