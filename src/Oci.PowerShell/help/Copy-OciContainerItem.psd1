# Help for Copy-OciContainerItem (see docs/help.md; the syntax comes from the cmdlet itself).
@{
    Synopsis      = 'Copies files and folders between the local file system and a container, like docker cp (container:path on one side).'
    Description   = @(
        'Copy-OciContainerItem copies -Path to -Destination; exactly one of them names a container, as container:path (web:/etc/nginx). A folder is copied whole, byte for byte (through the engine''s tar archive API, streamed). When the destination is an existing folder the item goes into it under its own name, otherwise it is copied as the destination''s name (its parent folder must exist), as docker cp does.'
        'Local paths are PowerShell paths (relative to the current location). A one-letter prefix (C:\) is a drive, never a container.'
    )
    Parameters    = @{
        Path               = 'What to copy: a local file or folder, or container:path (an absolute path in the container).'
        Destination        = 'Where it goes: container:path (absolute), or a local path.'
        PassThru           = 'Output the number of bytes of file content copied.'
        Connection         = 'The engines the container is on (the copy is made on each). When omitted, the session default.'
    }
    DefaultValues = @{ Connection = 'The session default connection' }
    Inputs        = @(
        @{ Type = 'None'; Description = 'Copy-OciContainerItem takes no pipeline input but -Connection by property name.' }
    )
    Outputs       = @(
        @{ Type = 'None, or System.Int64 with -PassThru'; Description = 'The bytes of file content copied.' }
    )
    Notes         = @(
        'Errors: Oci.ContainerNotFound (ObjectNotFound) for a missing container, path in it or local source, Oci.InvalidArgument when neither or both sides name a container or a container path is not absolute. Symbolic links are copied as links where the platform can create them; anything else that cannot be copied is a warning. The confirm impact is Medium.'
    )
    Examples      = @(
        @{
            Title   = 'Copy a folder into a container'
            Code    = @'
PS> Copy-OciContainerItem ./site web:/usr/share/nginx
'@
            Remarks = 'Copies the local folder site into /usr/share/nginx/site in web.'
        }
        @{
            Title   = 'Copy a file out'
            Code    = @'
PS> Copy-OciContainerItem web:/etc/nginx/nginx.conf ./nginx.conf -PassThru
'@
            Remarks = 'Copies the file to the current folder and outputs its size.'
        }
    )
    Links         = @( @{ Text = 'Invoke-OciContainerCommand' }; @{ Text = 'Get-OciContainer' } )
}
