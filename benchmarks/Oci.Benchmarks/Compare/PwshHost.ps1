<#
    The cmdlet side of the comparison runner: one pwsh process, the module imported once and connected to both engines,
    that times what the runner asks for, one request line at a time on stdin ("<op> <engine> <count>"), and answers
    with one JSON line: each call's time in microseconds and the bytes allocated per call (all threads).
    Each op times the cmdlet and, as its baseline, the same core call made from script (OciClient.ExecuteAsync);
    'empty-cmdlet' and 'noop' time PowerShell's own cost of invoking a compiled cmdlet (the trivial module's Get-OciEmpty
    against a bare expression), the floor under any cmdlet's overhead.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EmptyModulePath,
    [Parameter(Mandatory)] [string] $InspectImage
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
Import-Module $EmptyModulePath

$connections = @{
    dockerd = Connect-OciEngine -Endpoint $env:OCI_TEST_DOCKER_HOST -Name bench-dockerd
    podman  = Connect-OciEngine -Endpoint $env:OCI_TEST_PODMAN_HOST -Name bench-podman
}
# The core objects, for the baseline: OciConnection.Client is internal, and on PowerShell 7 Oci.Core lives in the
# module's own load context, so its types are reached through the client's assembly rather than by name.
$clientProperty = [Oci.PowerShell.OciConnection].GetProperty('Client', [Reflection.BindingFlags]'NonPublic,Instance')
$clients = @{}
foreach ($name in $connections.Keys) { $clients[$name] = $clientProperty.GetValue($connections[$name]) }
$request = $clients.dockerd.GetType().Assembly.GetType('Oci.OciRequest')
$none = [Threading.CancellationToken]::None

function Measure-Calls([scriptblock] $Call, [int] $Count) {
    $us = [double[]]::new($Count)
    $watch = [Diagnostics.Stopwatch]::new()
    $before = [GC]::GetTotalAllocatedBytes($true)
    for ($i = 0; $i -lt $Count; $i++) {
        $watch.Restart()
        $null = & $Call
        $us[$i] = $watch.Elapsed.TotalMicroseconds
    }
    $bytes = ([GC]::GetTotalAllocatedBytes($true) - $before) / $Count
    @{ us = $us; bytes = $bytes } | ConvertTo-Json -Compress
}

[Console]::Out.WriteLine('ready')
[Console]::Out.Flush()
while ($null -ne ($line = [Console]::In.ReadLine())) {
    $op, $engine, $count = $line -split ' '
    $c = $connections[$engine]
    $client = $clients[$engine]
    try {
        $answer = switch ($op) {
            'ping-cmdlet' { Measure-Calls { Invoke-OciRequest PING -Connection $c } $count }
            'ping-core' { Measure-Calls { $client.ExecuteAsync($request::Create('PING', $null, $null, $null), $none).GetAwaiter().GetResult() } $count }
            'inspect-cmdlet' { Measure-Calls { Invoke-OciRequest INSPECT $InspectImage -Connection $c } $count }
            'inspect-core' { Measure-Calls { $client.ExecuteAsync($request::Create('INSPECT', $null, $InspectImage, $null), $none).GetAwaiter().GetResult() } $count }
            'list-cmdlet' { Measure-Calls { Invoke-OciRequest LIST -Connection $c } $count }
            'list-core' { Measure-Calls { $client.ExecuteAsync($request::Create('LIST', $null, $null, $null), $none).GetAwaiter().GetResult() } $count }
            'get-image' { Measure-Calls { Get-OciImage -Connection $c } $count }
            'empty-cmdlet' { Measure-Calls { Get-OciEmpty } $count }
            'noop' { Measure-Calls { $true } $count }
            default { throw "unknown op '$op'" }
        }
    }
    catch {
        $answer = @{ error = "$_" } | ConvertTo-Json -Compress
    }
    [Console]::Out.WriteLine($answer)
    [Console]::Out.Flush()
}
