# Help for Remove-OciNetwork (see docs/help.md; the syntax comes from the cmdlet itself).
@{
    Synopsis      = 'Removes networks, like docker network rm.'
    Description   = @(
        'Remove-OciNetwork removes each network, by name or id. Networks from Get-OciNetwork bind by property name (Name, and Connection: the engine each came from). A target that fails is a non-terminating error and the next one is still removed.'
    )
    Parameters    = @{
        Name       = 'The networks'' names or ids; -Id is an alias. Strings bind by value, networks by their Name property. Press Tab to complete the names the engines have.'
        Connection = 'The engines to remove from. From the pipeline, the connection each network came from. When omitted, the session default.'
    }
    DefaultValues = @{ Connection = 'The session default connection' }
    Inputs        = @(
        @{ Type = 'System.String'; Description = 'Network names or ids.' }
        @{ Type = 'Oci.OciNetwork'; Description = 'Networks from Get-OciNetwork.' }
    )
    Outputs       = @( @{ Type = 'None'; Description = 'Nothing.' } )
    Notes         = @( 'Errors name the network: Oci.NetworkNotFound (ObjectNotFound), Oci.Conflict (ResourceBusy) when containers use it, Oci.InvalidArgument. The confirm impact is Medium.' )
    Examples      = @(
        @{
            Title   = 'Remove a project''s networks'
            Code    = @'
PS> Get-OciNetwork -Label project=shop | Remove-OciNetwork
'@
            Remarks = 'Removes each network from the engine it came from.'
        }
    )
    Links         = @( @{ Text = 'Get-OciNetwork' }; @{ Text = 'Clear-OciNetwork' } )
}
