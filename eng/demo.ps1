<#
    The README's quick start, end to end: connect to the engine, pull an image with progress, list
    the engine's images, disconnect. eng/run.sh runs it with pwsh, or in tools/Oci.Host where pwsh
    is absent, so it sticks to core PowerShell: the language, .NET, and the core cmdlets (no
    Utility/Management cmdlets such as Write-Host or Join-Path, which the hosted engine lacks).

    -Reference  the image to pull (default: small:latest in $env:OCI_TEST_REGISTRY, else 127.0.0.1:5000)
    -Fresh      remove the image first, so the pull downloads its layers and shows progress
#>
param(
    [string] $Reference,
    [switch] $Fresh
)

$ErrorActionPreference = 'Stop'

# Each step goes to Out-Default on its own: in one output stream PowerShell formats every object after
# the first type's table as a list, so the views in Oci.format.ps1xml would not show.

$root = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..'))
Import-Module ([System.IO.Path]::Combine($root, 'out', 'Oci', 'Oci.psd1'))

if (-not $Reference) {
    $registry = if ($env:OCI_TEST_REGISTRY) { $env:OCI_TEST_REGISTRY } else { '127.0.0.1:5000' }
    $Reference = "$registry/small:latest"
}

# The test bed's engine when eng/engines.sh set it up; otherwise the module's default endpoint.
$connect = @{}
if ($env:OCI_TEST_DOCKER_HOST) { $connect.Endpoint = $env:OCI_TEST_DOCKER_HOST }

try {
    '== Connect-OciEngine'
    Connect-OciEngine @connect | Out-Default

    if ($Fresh) {
        # Not there yet is fine: the point is only that the pull below starts from nothing.
        # (Invoke-OciRequest errors are terminating, so -ErrorAction cannot silence them.)
        try { $null = Invoke-OciRequest -Method REMOVE -Target $Reference } catch { }
    }

    "== '$Reference' | Invoke-OciPull"
    $Reference | Invoke-OciPull | Out-Default

    '== Invoke-OciRequest -Method LIST -Kind IMAGE'
    $list = Invoke-OciRequest -Method LIST -Kind IMAGE
    $list | Out-Default
    # The typed data behind the response: the images, as `docker images` shows them.
    $list.Data | Out-Default
}
finally {
    '== Get-OciConnection | Disconnect-OciEngine'
    Get-OciConnection | Disconnect-OciEngine
}
