# Help for Get-OciContainer (see docs/help.md; the syntax comes from the cmdlet itself).
@{
    Synopsis      = 'Lists the containers of one or several engines, like docker ps.'
    Description   = @(
        'Get-OciContainer lists containers as Oci.OciContainer objects, shown as a table like docker ps (Container ID, Image, Command, Created, Status, Ports, Names) and grouped by engine. Without -All only running containers are listed; -Name and -Id look at all of them.'
        'State is the OCI status (created, running, paused, stopped), EngineState the engine''s own word (exited, dead, ...); every object has the whole configuration (Command, Environment, Labels, Mounts, Ports, limits), the same from Docker and Podman.'
        'With several connections (-Connection $a, $b, or Get-OciConnection | Get-OciContainer) the engines are read at once and each container carries the connection it came from, so Get-OciContainer | Stop-OciContainer reaches its own engine.'
    )
    Parameters    = @{
        Name               = 'Container names or short ids to list; wildcards allowed (web*). A name without wildcards that no engine has is an Oci.ContainerNotFound error. Press Tab to complete.'
        Id                 = 'Container ids (full, or a unique prefix) or names to get, from any engine; binds by property name from the pipeline.'
        All                = 'Include containers that do not run (docker ps --all).'
        Label              = 'Only containers with these labels: key or key=value (all must match).'
        Status             = 'Only containers in these states: created, running, paused, stopped, or the engines'' exited, dead, restarting, removing. Lists containers that do not run too.'
        Ancestor           = 'Only containers created from these images: a reference (repo or repo:tag) or an image id.'
        Connection         = 'The engines to read from: one or several; they are read at once. Connections piped to Get-OciContainer are gathered and read together. When omitted, the session default.'
    }
    DefaultValues = @{ Connection = 'The session default connection'; Name = 'All containers' }
    Inputs        = @(
        @{ Type = 'Oci.PowerShell.OciConnection'; Description = 'Connections to read from (Get-OciConnection | Get-OciContainer).' }
        @{ Type = 'Any object with an Id property'; Description = 'Binds to -Id.' }
    )
    Outputs       = @(
        @{ Type = 'Oci.OciContainer'; Description = 'One per container, with a Connection note property: the connection it came from.' }
    )
    Notes         = @(
        'Errors: Oci.ContainerNotFound (ObjectNotFound) for a literal name or an id no engine has, Oci.InvalidArgument for a malformed filter, Oci.EngineUnavailable (ConnectionError) per engine that cannot be reached (the others still answer).'
    )
    Examples      = @(
        @{
            Title   = 'What runs, like docker ps'
            Code    = @'
PS> Get-OciContainer
'@
            Remarks = 'The running containers of the session default connection.'
        }
        @{
            Title   = 'What runs where, across engines'
            Code    = @'
PS> Get-OciConnection | Get-OciContainer -All | Select-Object Name, State, @{ n = 'Engine'; e = { $_.Connection.Name } }
'@
            Remarks = 'Every container of every engine of the session, and where it is.'
        }
        @{
            Title   = 'Filter by label, state and image'
            Code    = @'
PS> Get-OciContainer -Label team=ops -Status stopped -Ancestor 127.0.0.1:5000/small
'@
            Remarks = 'The stopped containers of team ops made from that image.'
        }
    )
    Links         = @( @{ Text = 'New-OciContainer' }; @{ Text = 'Remove-OciContainer' }; @{ Text = 'Get-OciContainerLog' } )
}
