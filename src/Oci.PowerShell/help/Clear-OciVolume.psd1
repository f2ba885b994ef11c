# Help for Clear-OciVolume (see docs/help.md; the syntax comes from the cmdlet itself).
@{
    Synopsis      = 'Prunes the volumes no container uses, like docker volume prune.'
    Description   = @(
        'Clear-OciVolume asks each engine which volumes no container (running or not) mounts, names them in the confirmation, then lets the engine prune them and outputs its report (Oci.OciPruneResult). Under -WhatIf it lists what would go and removes nothing.'
    )
    Parameters    = @{
        Label      = 'Only volumes with every one of these labels, each key or key=value.'
        Connection = 'The engines to prune. When omitted, the session default.'
    }
    DefaultValues = @{ Connection = 'The session default connection' }
    Inputs        = @( @{ Type = 'Objects with a Connection property'; Description = 'Connection binds by property name.' } )
    Outputs       = @( @{ Type = 'Oci.OciPruneResult'; Description = 'Per engine: the volume names deleted and the bytes reclaimed.' } )
    Notes         = @( 'The confirm impact is High: the data in the volumes is lost.' )
    Examples      = @(
        @{
            Title   = 'Remove the unused volumes of a test run'
            Code    = @'
PS> Clear-OciVolume -Label run=nightly -Confirm:$false
'@
            Remarks = 'Prunes the unused volumes labelled run=nightly.'
        }
    )
    Links         = @( @{ Text = 'Get-OciVolume' }; @{ Text = 'Remove-OciVolume' } )
}
