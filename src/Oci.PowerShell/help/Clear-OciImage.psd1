# Help for Clear-OciImage (see docs/help.md; the syntax comes from the cmdlet itself).
@{
    Synopsis      = 'Prunes unused images: the untagged ones, or with -All every image no container uses, like docker image prune.'
    Description   = @(
        'Clear-OciImage first asks each engine which images a prune would remove (nothing is removed then), names them in the confirmation, then lets the engine prune and outputs its report (Oci.OciPruneResult): the image ids deleted, the tags untagged and the bytes reclaimed.'
        'Under -WhatIf it lists exactly what would go on each engine and removes nothing. An image a container uses (running or not) is never pruned.'
        'Its own cmdlet, not a switch of Remove-OciImage: it takes no targets, answers a report, and its confirm impact is High (it asks unless -Confirm:$false).'
    )
    Parameters    = @{
        All        = 'Every image no container uses, tagged or not (docker image prune --all). Without it, only untagged (dangling) images.'
        Until      = 'Only images created before this time (docker image prune --filter until=...).'
        Label      = 'Only images with every one of these labels, each key or key=value.'
        Connection = 'The engines to prune, one after another. When omitted, the session default.'
    }
    DefaultValues = @{ Connection = 'The session default connection' }
    Inputs        = @( @{ Type = 'Objects with a Connection property'; Description = 'Connection binds by property name.' } )
    Outputs       = @( @{ Type = 'Oci.OciPruneResult'; Description = 'Per engine: Deleted (image ids), Untagged, SpaceReclaimed (bytes), with its Connection.' } )
    Notes         = @( 'The confirm impact is High. Errors per engine are non-terminating; Oci.Unsupported for an engine whose API cannot prune every unused image (the docker driver on Podman with -All: use the podman driver).' )
    Examples      = @(
        @{
            Title   = 'See what would go, then prune'
            Code    = @'
PS> Clear-OciImage -Label team=web -WhatIf
PS> Clear-OciImage -Label team=web -Confirm:$false
'@
            Remarks = 'The first lists the dangling images labelled team=web; the second removes them and reports the bytes reclaimed.'
        }
    )
    Links         = @( @{ Text = 'Get-OciImage' }; @{ Text = 'Remove-OciImage' }; @{ Text = 'Get-OciDiskUsage' } )
}
