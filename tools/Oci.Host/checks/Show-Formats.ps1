<#
    Renders every view of Oci.format.ps1xml with real objects from the engine, one Out-Default per type
    (in a single output stream PowerShell would list every type after the first). For eyeballing the
    views after a change; core PowerShell only, so it runs in the hosted engine:

      dotnet run --project tools/Oci.Host -c Release -- tools/Oci.Host/checks/Show-Formats.ps1

    Uses $env:OCI_TEST_DOCKER_HOST and $env:OCI_TEST_REGISTRY (eng/engines.sh env). TAG/REMOVE work on a
    unique tag of its own, so a shared engine's images are left as they were.
#>
$ErrorActionPreference = 'Stop'
$root = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', '..', '..'))
Import-Module ([System.IO.Path]::Combine($root, 'out', 'Oci', 'Oci.psd1'))

$registry = if ($env:OCI_TEST_REGISTRY) { $env:OCI_TEST_REGISTRY } else { '127.0.0.1:5000' }
$source = "$registry/small:latest"
$tag = "$registry/small:t-$([guid]::NewGuid().ToString('n').Substring(0, 12))"
$connect = @{}
if ($env:OCI_TEST_DOCKER_HOST) { $connect.Endpoint = $env:OCI_TEST_DOCKER_HOST }

'== OciConnection'
Connect-OciEngine @connect | Out-Default
try {
    $pull = Invoke-OciPull $source
    $ping = Invoke-OciRequest PING
    $version = Invoke-OciRequest VERSION
    $info = Invoke-OciRequest INFO
    $tagged = Invoke-OciRequest TAG $source -Parameters @{ tag = $tag }
    $removed = Invoke-OciRequest REMOVE $tag
    $list = Invoke-OciRequest LIST

    '== OciResponse'
    $pull, $ping, $version, $info, $tagged, $removed, $list | Out-Default
    '== OciImage'
    $list.Data | Out-Default
    '== OciPing'
    $ping.Data | Out-Default
    '== OciEngineVersion'
    $version.Data | Out-Default
    '== OciEngineInfo'
    $info.Data | Out-Default
    '== OciImageRemoval'
    $removed.Data | Out-Default
}
finally {
    Disconnect-OciEngine -All
}
