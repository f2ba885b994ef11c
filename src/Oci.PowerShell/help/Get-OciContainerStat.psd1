# Help for Get-OciContainerStat (see docs/help.md; the syntax comes from the cmdlet itself).
@{
    Synopsis      = 'Samples containers'' CPU, memory, network and block I/O and process count once, like docker stats --no-stream.'
    Description   = @(
        'Get-OciContainerStat outputs one Oci.OciContainerStats per container: CpuPercent (percent of one CPU, as docker stats shows it), MemoryUsage and MemoryLimit in bytes (page cache not counted), MemoryPercent, NetworkReceived/NetworkSent, BlockRead/BlockWritten and Pids, shown as a table like docker stats.'
        'Docker computes the CPU share over the last second of the sample (the call takes about a second); Podman over the time since the container started, for a first sample.'
    )
    Parameters    = @{
        Id                 = 'Container names or ids (full, or a unique prefix, as Get-OciContainer shows them); -Name and -ContainerId are aliases. Strings bind from the pipeline by value, containers from Get-OciContainer (and results of Invoke-OciContainer or Invoke-OciContainerCommand) by their Id property. Press Tab to complete the names and short ids the engine has, with image and state.'
        Connection         = 'The engines the containers are on. From the pipeline, the connection each container came from (its Connection property), so the action reaches the engine the container was read from. When omitted, the session default.'
    }
    DefaultValues = @{ Connection = 'The session default connection' }
    Inputs        = @(
        @{ Type = 'System.String'; Description = 'Container names or ids.' }
        @{ Type = 'Oci.OciContainer'; Description = 'Containers from Get-OciContainer: their Id and Connection bind by property name.' }
    )
    Outputs       = @(
        @{ Type = 'Oci.OciContainerStats'; Description = 'One sample per container, with its Connection.' }
    )
    Notes         = @(
        'Errors per container are non-terminating and name it: Oci.ContainerNotFound (ObjectNotFound), Oci.Conflict (ResourceBusy) when the container is in the wrong state, Oci.InvalidArgument for a malformed name. Without any connection the cmdlet fails with Oci.NoConnection.'
        'A container that does not run reports zeros.'
    )
    Examples      = @(
        @{
            Title   = 'Resource use of every running container'
            Code    = @'
PS> Get-OciContainer | Get-OciContainerStat
'@
            Remarks = 'A table like docker stats --no-stream, per engine.'
        }
        @{
            Title   = 'The containers that use most memory'
            Code    = @'
PS> Get-OciContainer | Get-OciContainerStat | Sort-Object MemoryUsage -Descending | Select-Object -First 3 Name, MemoryUsage
'@
            Remarks = 'The three containers with the largest memory use.'
        }
    )
    Links         = @( @{ Text = 'Get-OciContainer' } )
}
