# Help for Wait-OciContainer (see docs/help.md; the syntax comes from the cmdlet itself).
@{
    Synopsis      = 'Waits until containers stop (or exit next, or are removed) and outputs their exit codes, like docker wait.'
    Description   = @(
        'Wait-OciContainer waits for each container in turn and outputs its exit code (an integer). NotRunning answers at once for a container that does not run; NextExit waits for the next exit even of a stopped container; Removed waits until the container is gone (an auto-removed one, say) and still gives its exit code.'
        'Ctrl+C stops the wait at once; the containers are left as they are.'
    )
    Parameters    = @{
        Id                 = 'Container names or ids (full, or a unique prefix, as Get-OciContainer shows them); -Name and -ContainerId are aliases. Strings bind from the pipeline by value, containers from Get-OciContainer (and results of Invoke-OciContainer or Invoke-OciContainerCommand) by their Id property. Press Tab to complete the names and short ids the engine has, with image and state.'
        Connection         = 'The engines the containers are on. From the pipeline, the connection each container came from (its Connection property), so the action reaches the engine the container was read from. When omitted, the session default.'
        Condition          = 'What to wait for: NotRunning (default), NextExit or Removed.'
    }
    DefaultValues = @{ Connection = 'The session default connection'; Condition = 'NotRunning' }
    Inputs        = @(
        @{ Type = 'System.String'; Description = 'Container names or ids.' }
        @{ Type = 'Oci.OciContainer'; Description = 'Containers from Get-OciContainer: their Id and Connection bind by property name.' }
    )
    Outputs       = @(
        @{ Type = 'System.Int32'; Description = 'Each container''s exit code.' }
    )
    Notes         = @(
        'Errors per container are non-terminating and name it: Oci.ContainerNotFound (ObjectNotFound), Oci.Conflict (ResourceBusy) when the container is in the wrong state, Oci.InvalidArgument for a malformed name. Without any connection the cmdlet fails with Oci.NoConnection.'
    )
    Examples      = @(
        @{
            Title   = 'Wait for a container and use its exit code'
            Code    = @'
PS> Start-OciContainer job1
PS> $code = Wait-OciContainer job1
PS> if ($code -ne 0) { Get-OciContainerLog job1 -Stream Stderr }
'@
            Remarks = 'Waits until job1 stops, then shows its errors when it failed.'
        }
        @{
            Title   = 'Wait until an auto-removed container is gone'
            Code    = @'
PS> Wait-OciContainer job2 -Condition Removed
'@
            Remarks = 'Outputs job2''s exit code once the engine removed it.'
        }
    )
    Links         = @( @{ Text = 'Start-OciContainer' }; @{ Text = 'Invoke-OciContainer' } )
}
