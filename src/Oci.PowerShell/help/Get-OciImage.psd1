# Help for Get-OciImage (see docs/help.md; the syntax comes from the cmdlet itself).
@{
    Synopsis      = 'Lists the images in one or several engines, like docker images.'
    Description   = @(
        'Get-OciImage lists the images in the engine''s store as Oci.OciImage objects: Id, Reference (the first tag), Tags, Digests, Digest, Size and Created, shown as a table like docker images (Repository, Tag, Image ID, Created, Size).'
        'With -Name it lists the images whose references match, with Docker''s reference filter: a repository (alpine matches every tag of alpine), a reference (alpine:3.20), or a pattern with the wildcards * ? and [ ] (127.0.0.1:5000/*). An image keeps only its tags that matched. A name without wildcards that matches nothing on any engine is a non-terminating error; a pattern that matches nothing is not. -Id gets images by id (sha256:<hex>, or a unique prefix of it).'
        'With several connections (-Connection $a, $b, or Get-OciConnection | Get-OciImage) the engines are read at once and every image says where it came from: each one carries the connection it was read from as its Connection property, so Get-OciImage | Remove-OciImage removes each image from its own engine.'
    )
    Parameters    = @{
        Name       = 'Image references or repositories to list, with Docker''s reference filter: alpine, alpine:3.20, 127.0.0.1:5000/small, or patterns with * ? and [ ] such as 127.0.0.1:5000/*. Press Tab to complete the tags the engine has.'
        Id         = 'Image ids to get: sha256:<64 hex digits>, or a unique prefix of the hex (as docker images shows it). Binds by property name from the pipeline (objects with an Id property). An id that no engine has is an Oci.ImageNotFound error.'
        All        = 'Include intermediate images (docker images --all).'
        Dangling   = 'Only untagged (dangling) images: -Dangling; or only tagged ones: -Dangling:$false (docker images --filter dangling=true).'
        Label      = 'Only images with every one of these labels, each key or key=value (docker images --filter label=...).'
        Before     = 'Only images created before this image, given by reference or id (docker images --filter before=...).'
        Since      = 'Only images created after this image, given by reference or id (docker images --filter since=...).'
        Connection = @(
            'The engines to read from: one or several connections, as returned by Connect-OciEngine or Get-OciConnection; they are read at once. Connections piped to Get-OciImage are gathered and read together.'
            'When omitted, the session default is used. A closed connection is a non-terminating Oci.ConnectionClosed error; without any connection the cmdlet fails with Oci.NoConnection.'
        )
    }
    DefaultValues = @{ Name = 'All images'; Connection = 'The session default connection' }
    Inputs        = @(
        @{ Type = 'Oci.PowerShell.OciConnection'; Description = 'Connections to read from (Get-OciConnection | Get-OciImage).' }
        @{ Type = 'Any object with an Id property'; Description = 'Binds to -Id.' }
    )
    Outputs       = @( @{ Type = 'Oci.OciImage'; Description = 'One per image, with a Connection note property: the connection it came from.' } )
    Notes         = @(
        'Errors: Oci.ImageNotFound (ObjectNotFound) for a literal name or an id no engine has, Oci.InvalidArgument for a filter that is not a reference pattern, Oci.EngineUnavailable (ConnectionError) per engine that cannot be reached (the others still answer).'
    )
    Examples      = @(
        @{
            Title   = 'List the images, like docker images'
            Code    = @'
PS> Get-OciImage

Repository                Tag        Image ID     Created              Size
----------                ---        --------     -------              ----
127.0.0.1:5000/small      latest     ebf191b1a8f8 2 hours ago          1.98MB
'@
            Remarks = 'Lists the images of the session default connection.'
        }
        @{
            Title   = 'Untagged images of a team, by label'
            Code    = @'
PS> Get-OciImage -Dangling -Label team=web
'@
            Remarks = 'Lists the dangling images labelled team=web: what Clear-OciImage -Label team=web would prune.'
        }
        @{
            Title   = 'Which images are where, across engines'
            Code    = @'
PS> Get-OciConnection | Get-OciImage 127.0.0.1:5000/* | Select-Object Reference, ShortId, @{ n = 'Engine'; e = { $_.Connection.Name } }
'@
            Remarks = 'Reads every connection of the session at once and says, for each image, which engine it is on.'
        }
    )
    Links         = @( @{ Text = 'Remove-OciImage' }; @{ Text = 'Invoke-OciPull' }; @{ Text = 'Connect-OciEngine' } )
}
