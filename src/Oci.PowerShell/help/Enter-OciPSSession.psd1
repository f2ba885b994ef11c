# Help for Enter-OciPSSession (see docs/help.md; the syntax comes from the cmdlet itself).
@{
    Synopsis      = 'Starts an interactive PowerShell session in a running container, as Enter-PSSession does with a computer.'
    Description   = @(
        'Enter-OciPSSession opens a PowerShell session in the container (as New-OciPSSession does) and enters it with Enter-PSSession: the prompt shows the container''s name, and every command runs in pwsh inside the container until Exit-PSSession (or exit). Leaving closes the session, so pwsh in the container ends; to keep a session to come back to, use New-OciPSSession and Enter-PSSession -Session.'
        'The container needs pwsh (PowerShell 7) on its PATH and must be running. This side needs PowerShell 7.6 or later and a host that supports interactive sessions (the pwsh console does).'
    )
    Parameters    = @{
        Container  = 'The container''s name or id (full, or a unique prefix, as Get-OciContainer shows it); -Id and -ContainerId are aliases. A string binds from the pipeline by value, a container from Get-OciContainer by its Id property. Press Tab to complete the names and short ids the engine has.'
        Connection = 'The engine the container is on (one). From the pipeline, the connection the container came from (its Connection property). When omitted, the session default.'
        User       = 'The user pwsh runs as in the container: a name, uid or uid:gid. Default: the container''s user.'
        Timeout    = 'Seconds the exec and pwsh''s first answer may take together before the attempt fails with Oci.Timeout.'
    }
    DefaultValues = @{ Connection = 'The session default connection'; Timeout = '30'; User = 'The container''s user' }
    Inputs        = @(
        @{ Type = 'System.String'; Description = 'A container name or id.' }
        @{ Type = 'Oci.OciContainer'; Description = 'A container from Get-OciContainer: its Id and Connection bind by property name.' }
    )
    Outputs       = @(
        @{ Type = 'None'; Description = 'Nothing: the host''s prompt moves into the container.' }
    )
    Notes         = @(
        'Errors: Oci.ContainerNotFound, Oci.Conflict (the container does not run), Oci.NotFound (no pwsh in it) and Oci.Timeout name the container, as with New-OciPSSession. More than one connection is Oci.InvalidArgument; a host without interactive sessions, or a PowerShell older than 7.6, is Oci.Unsupported.'
    )
    Examples      = @(
        @{
            Title   = 'Work inside a container'
            Code    = @'
PS> Enter-OciPSSession web
[web]: PS /> Get-ChildItem /etc/nginx
[web]: PS /> exit
PS>
'@
            Remarks = 'Enters pwsh in the container web, lists a folder there and leaves (which closes the session).'
        }
        @{
            Title   = 'As another user, on a given engine'
            Code    = @'
PS> Get-OciContainer web -Connection $podman | Enter-OciPSSession -User 1000
'@
            Remarks = 'Enters the container web on the Podman connection as uid 1000.'
        }
    )
    Links         = @( @{ Text = 'New-OciPSSession' }; @{ Text = 'Invoke-OciCommand' }; @{ Text = 'Enter-PSSession' }; @{ Text = 'Exit-PSSession' } )
}
