# Help for Clear-OciNetwork (see docs/help.md; the syntax comes from the cmdlet itself).
@{
    Synopsis      = 'Prunes the networks no container uses (never the engine''s own), like docker network prune.'
    Description   = @(
        'Clear-OciNetwork asks each engine which networks have no container attached (the engine''s predefined ones, such as bridge, host and none, never count), names them in the confirmation, then lets the engine prune them and outputs its report (Oci.OciPruneResult). Under -WhatIf it lists what would go and removes nothing.'
    )
    Parameters    = @{
        Until      = 'Only networks created before this time.'
        Label      = 'Only networks with every one of these labels, each key or key=value.'
        Connection = 'The engines to prune. When omitted, the session default.'
    }
    DefaultValues = @{ Connection = 'The session default connection' }
    Inputs        = @( @{ Type = 'Objects with a Connection property'; Description = 'Connection binds by property name.' } )
    Outputs       = @( @{ Type = 'Oci.OciPruneResult'; Description = 'Per engine: the network names deleted.' } )
    Notes         = @( 'The confirm impact is High.' )
    Examples      = @(
        @{
            Title   = 'Prune the networks of a project'
            Code    = @'
PS> Clear-OciNetwork -Label project=shop -WhatIf
'@
            Remarks = 'Lists the unused networks labelled project=shop that a prune would remove.'
        }
    )
    Links         = @( @{ Text = 'Get-OciNetwork' }; @{ Text = 'Remove-OciNetwork' } )
}
