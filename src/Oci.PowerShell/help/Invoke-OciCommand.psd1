# Help for Invoke-OciCommand (see docs/help.md; the syntax comes from the cmdlet itself).
@{
    Synopsis      = 'Runs a script block in PowerShell inside running containers, in a session opened for it and closed after.'
    Description   = @(
        'Invoke-OciCommand opens a PowerShell session in each container (as New-OciPSSession does), runs -ScriptBlock there with Invoke-Command, writes what it outputs, and closes the session. The script block runs in pwsh inside the container: its output comes back as deserialized objects with PSComputerName (the container''s name), and its errors, warnings, verbose and information messages arrive in the same streams here. $using: variables, -ArgumentList and param() work as with Invoke-Command.'
        'The containers need pwsh (PowerShell 7) on their PATH and must be running; this side needs PowerShell 7.6 or later. For several commands in the same container, keep a session: New-OciPSSession, then Invoke-Command -Session.'
        'Ctrl+C stops the script block in the container and closes the session.'
    )
    Parameters    = @{
        Container    = 'Container names or ids (full, or a unique prefix, as Get-OciContainer shows them); -Id and -ContainerId are aliases. Press Tab to complete the names and short ids the engine has.'
        InputObject  = 'From the pipeline: containers from Get-OciContainer (their Id, each on the engine it came from) or container names and ids. Then the script block is the first positional argument: Get-OciContainer web | Invoke-OciCommand { ... }. Anything else is a non-terminating Oci.InvalidArgument error naming it.'
        Connection   = 'The engines the containers are on. From the pipeline, the connection each container came from (its Connection property). When omitted, the session default.'
        ScriptBlock  = 'The script block to run in pwsh in each container. Local variables reach it as $using:name, or through -ArgumentList.'
        ArgumentList = 'Values for the script block''s parameters (or $args), in order; -Args is an alias.'
        User         = 'The user pwsh runs as in the container: a name, uid or uid:gid. Default: the container''s user.'
        Timeout      = 'Seconds the exec and pwsh''s first answer may take together before the attempt fails with Oci.Timeout.'
    }
    DefaultValues = @{ Connection = 'The session default connection'; Timeout = '30'; User = 'The container''s user' }
    Inputs        = @(
        @{ Type = 'System.String'; Description = 'Container names or ids.' }
        @{ Type = 'Oci.OciContainer'; Description = 'Containers from Get-OciContainer: their Id is used, and their Connection binds by property name.' }
    )
    Outputs       = @(
        @{ Type = 'System.Management.Automation.PSObject'; Description = 'What the script block outputs, deserialized, with PSComputerName set to the container''s name.' }
    )
    Notes         = @(
        'Errors in opening a session are non-terminating and name the container: Oci.ContainerNotFound, Oci.Conflict (the container does not run), Oci.NotFound (no pwsh in it), Oci.Timeout. Errors the script block raises in the container come back as they do from Invoke-Command. On a PowerShell older than 7.6 the cmdlet fails with Oci.Unsupported.'
    )
    Examples      = @(
        @{
            Title   = 'Run a script block in a container'
            Code    = @'
PS> Invoke-OciCommand web { Get-Process | Sort-Object WorkingSet -Descending | Select-Object -First 3 Name, Id }
'@
            Remarks = 'Lists the three largest processes in the container web.'
        }
        @{
            Title   = 'Local values in the container'
            Code    = @'
PS> $path = '/etc/os-release'
PS> Get-OciContainer -Label role=web | Invoke-OciCommand { Get-Content $using:path -TotalCount 1 }
'@
            Remarks = 'Reads the first line of the file in every labelled container; PSComputerName tells them apart.'
        }
    )
    Links         = @( @{ Text = 'New-OciPSSession' }; @{ Text = 'Enter-OciPSSession' }; @{ Text = 'Invoke-Command' } )
}
