# Help for Invoke-OciPull. The syntax (parameter sets, types, positions, pipeline input) comes from the cmdlet
# itself: eng/help/Build-Help.ps1 adds it when it writes the MAML. See docs/help.md.
@{
    Synopsis     = 'Pulls images into the engine, with a progress bar per layer.'
    Description  = @(
        'Invoke-OciPull pulls each image reference into the engine''s image store, like docker pull. The references come from -Reference or from the pipeline: strings by value, and objects with a Reference property (such as the Oci.OciImage objects in the Data of other responses) by property name.'
        'While an image is pulled, PowerShell shows a progress bar for the image and a child bar for each of its layers (downloading, verifying, extracting). Updates are throttled so that a fast pull does not flood the host, and every bar is completed when the pull ends.'
        'For each reference, Invoke-OciPull outputs one Oci.OciResponse: Method PULL, Kind Image, Target (the normalized reference, such as docker.io/library/alpine:3.20), Status (for example "Downloaded newer image" or "Image is up to date"), Duration, and Data, the pulled Oci.OciImage (Id, Reference, Digest, Tags, Size, Created, Os, Architecture).'
        'A reference that fails (no such image, a malformed reference, a registry that refuses the credentials or cannot be reached) writes a non-terminating error and the next reference is still pulled. Because a pull changes the engine''s image store, Invoke-OciPull supports -WhatIf and -Confirm.'
    )
    Parameters   = @{
        Reference = @(
            'The image references to pull, in the form [registry[:port]/]repository[:tag][@digest], for example alpine, alpine:3.20, 127.0.0.1:5000/small:latest or ghcr.io/org/app@sha256:<digest>.'
            'A reference without a tag or digest pulls the latest tag; one without a registry pulls from Docker Hub (docker.io, and docker.io/library/ for single-part names such as alpine). Wildcards are not supported.'
        )
        Platform = 'The platform to pull from a multi-platform image, as os[/architecture[/variant]], for example linux/amd64 or linux/arm64/v8. When omitted, the engine picks its own platform.'
        Credential = @(
            'The user name and password for the registry, for example from Get-Credential; the password stays in its SecureString until it is sent to the engine (as the X-Registry-Auth header) and never appears in output, verbose or debug messages, or errors. It is used for every reference of the call.'
            'When omitted, the driver resolves credentials as the docker CLI does: credHelpers[registry], then credsStore (the docker-credential-<name> helper on PATH), then auths in config.json (DOCKER_CONFIG or ~/.docker), then Podman''s auth.json (REGISTRY_AUTH_FILE, $XDG_RUNTIME_DIR/containers/auth.json). A registry that refuses the credentials (or the lack of them) fails with Oci.Unauthorized (PermissionDenied) on that reference.'
        )
        AllowUnencryptedAuthentication = 'Allows sending registry credentials to an engine reached over plain-text TCP on a non-loopback address (tcp://host:2375 without TLS), where anyone on the network could read them, as Invoke-WebRequest''s switch of the same name. Without it such a pull fails with Oci.InvalidArgument before anything is sent. Unix sockets, named pipes, TLS connections and tcp:// on a loopback address need no switch.'
        Connection = @(
            'The connection to send the request through, as returned by Connect-OciEngine or Get-OciConnection. The object also works in another runspace of the same process (for example ForEach-Object -Parallel { ... -Connection $using:c }).'
            'When omitted, the session default is used: the connection most recently made by Connect-OciEngine in this runspace. Without one the cmdlet fails with the error Oci.NoConnection, which tells you to run Connect-OciEngine.'
        )
    }
    DefaultValues = @{
        Platform = 'The engine''s own platform'
        Credential = 'None: resolved from the Docker and Podman credential stores'
        Connection = 'The session default connection'
    }
    Inputs = @(
        @{ Type = 'System.String'; Description = 'Image references can be piped to Invoke-OciPull.' }
        @{ Type = 'Any object with a Reference property'; Description = 'Such as Oci.OciImage: the value of its Reference property is pulled.' }
    )
    Outputs = @(
        @{ Type = 'Oci.OciResponse'; Description = 'One response per reference pulled; its Data property is the pulled Oci.OciImage.' }
    )
    Notes        = @(
        'Errors name the failing reference as their TargetObject and carry a stable id, for example Oci.ImageNotFound,Oci.PowerShell.InvokeOciPull (ObjectNotFound) for an image the registry does not have, Oci.InvalidReference (InvalidArgument), Oci.Unauthorized (PermissionDenied) for missing or wrong registry credentials, Oci.InvalidArgument for credentials that would cross a plain-text remote connection without -AllowUnencryptedAuthentication, Oci.RegistryUnavailable and Oci.EngineUnavailable (ConnectionError). Collect them with -ErrorVariable, or stop at the first with -ErrorAction Stop. Without any connection the cmdlet fails with Oci.NoConnection.'
        'Press Ctrl+C to cancel a pull: it stops within about a second; layers already downloaded stay in the engine.'
        'To hide the progress bars, set $ProgressPreference = ''SilentlyContinue''. The confirm impact is Medium, so -Confirm, or $ConfirmPreference set to Medium or Low, asks before each pull.'
    )
    Examples     = @(
        @{
            Title   = 'Pull an image'
            Code    = @'
PS> Invoke-OciPull alpine:3.20

Method   Kind      Target                              Status                 Result               Duration(ms)
------   ----      ------                              ------                 ------               ------------
PULL     IMAGE     docker.io/library/alpine:3.20       Downloaded newer image 91ef0af61f0e                 3412
'@
            Remarks = 'Pulls alpine:3.20 from Docker Hub through the session default connection, showing progress per layer.'
        }
        @{
            Title   = 'Pull several images from the pipeline'
            Code    = @'
PS> '127.0.0.1:5000/small:latest', '127.0.0.1:5000/big:latest' | Invoke-OciPull
'@
            Remarks = 'Pulls both images, one after the other, and outputs a response for each.'
        }
        @{
            Title   = 'Look at the pulled image'
            Code    = @'
PS> (Invoke-OciPull 127.0.0.1:5000/small:latest).Data

Repository           Tag    Image ID     Created        Size
----------           ---    --------     -------        ----
127.0.0.1:5000/small latest b71ae806fddc 2 days ago   1.98MB
'@
            Remarks = 'The Data property of the response is the pulled Oci.OciImage, shown like docker images.'
        }
        @{
            Title   = 'Pull for another platform through a given connection'
            Code    = @'
PS> Invoke-OciPull nginx:1.27 -Platform linux/arm64 -Connection (Get-OciConnection build01)
'@
            Remarks = 'Pulls the arm64 variant of nginx:1.27 into the engine behind the connection named build01.'
        }
        @{
            Title   = 'Keep going past failures and inspect them'
            Code    = @'
PS> 'no/such-image:1', 'alpine:3.20' | Invoke-OciPull -ErrorVariable failed
PS> $failed | ForEach-Object { '{0} -> {1}' -f $_.TargetObject, $_.FullyQualifiedErrorId }

no/such-image:1 -> Oci.ImageNotFound,Oci.PowerShell.InvokeOciPull
'@
            Remarks = 'The missing image writes an error and alpine:3.20 is still pulled.'
        }
        @{
            Title   = 'See what would be pulled'
            Code    = @'
PS> Invoke-OciPull alpine:3.20, busybox -WhatIf
'@
            Remarks = 'Shows a "What if" message per reference and pulls nothing.'
        }
        @{
            Title   = 'Pull from a private registry'
            Code    = @'
PS> $cred = Get-Credential ociuser
PS> Invoke-OciPull registry.example.com/team/app:1.4 -Credential $cred
'@
            Remarks = 'Sends the user name and password to the registry through the engine. Without -Credential the credentials docker login or podman login stored are used (credential helpers, config.json, auth.json).'
        }
        @{
            Title   = 'Credentials to an engine without TLS'
            Code    = @'
PS> $lab = Connect-OciEngine tcp://10.0.0.5:2375 -Name lab
PS> Invoke-OciPull registry.example.com/team/app:1.4 -Credential $cred -Connection $lab -AllowUnencryptedAuthentication
'@
            Remarks = 'The engine at 10.0.0.5 listens on plain TCP, so the credentials would cross the network unencrypted: the pull is refused unless you pass -AllowUnencryptedAuthentication. Prefer a TLS connection (Connect-OciEngine -CertificatePath).'
        }
    )
    Links        = @(
        @{ Text = 'Project site'; Uri = 'https://github.com/oci-powershell/Oci' }
        @{ Text = 'Connect-OciEngine' }
        @{ Text = 'Invoke-OciRequest' }
        @{ Text = 'Get-OciConnection' }
    )
}
