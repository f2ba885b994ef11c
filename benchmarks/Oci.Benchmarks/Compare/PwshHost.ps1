<#
    The cmdlet side of the comparison runner: one pwsh process, the module imported once and connected to both engines,
    that times what the runner asks for, one request line at a time on stdin ("<op> <engine> <count> [<target> <items>]"), and answers
    with one JSON line: each call's time in microseconds and the bytes allocated per call (all threads).
    Each op times the cmdlet and, as its baseline, the same core call made from script (OciClient.ExecuteAsync);
    'empty-cmdlet' and 'noop' time PowerShell's own cost of invoking a compiled cmdlet (the trivial module's Get-OciEmpty
    against a bare expression), the floor under any cmdlet's overhead. 'logs-cmdlet' reads <items> lines of container
    <target>'s followed log through Get-OciContainerLog -Follow; 'logs-cmdlet-heap' reads them again, untimed, for the
    heap at the last line. The first line it writes is "ready <its process id>".
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

# A stream read must bring every item it was asked for; a short one is an error, not a fast run.
function Assert-Count([long] $Got, [long] $Wanted) {
    if ($Got -ne $Wanted) { throw "read $Got of $Wanted items" }
}

# Its own process id: `dotnet pwsh` runs pwsh two processes below the one the runner started.
[Console]::Out.WriteLine("ready $PID")
[Console]::Out.Flush()
while ($null -ne ($line = [Console]::In.ReadLine())) {
    $op, $engine, $count, $target, $items = $line -split ' '
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
            # A follow of a log that goes on: the lines to read, then Select-Object ends the pipeline (and the follow).
            'logs-cmdlet' { Measure-Calls { Assert-Count (Get-OciContainerLog $target -Follow -Connection $c | Select-Object -First $items | Measure-Object).Count $items } 1 }
            # The same read, untimed (a script block per line): the managed heap at the last line, while the follow is
            # still open, over the heap before it ('bytes' in the answer).
            'logs-cmdlet-heap' {
                $wanted = [long]$items
                $n = 0
                $retained = $null
                $heap = [GC]::GetTotalMemory($true)
                Get-OciContainerLog $target -Follow -Connection $c | Select-Object -First $wanted | ForEach-Object {
                    if (++$n -eq $wanted) { $retained = [GC]::GetTotalMemory($true) - $heap }
                }
                Assert-Count $n $wanted
                @{ us = @(0); bytes = $retained } | ConvertTo-Json -Compress
            }
            default { throw "unknown op '$op'" }
        }
    }
    catch {
        $answer = @{ error = "$_" } | ConvertTo-Json -Compress
    }
    [Console]::Out.WriteLine($answer)
    [Console]::Out.Flush()
}
