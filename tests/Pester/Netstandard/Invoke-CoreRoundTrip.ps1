# Loads the netstandard2.0 build of Oci.Core (the module's Dependencies folder) in a load context of its own, in this
# process only (Netstandard.Tests.ps1 runs it in a child pwsh so nothing of it stays in the test session), and runs a
# container, execs in it with stdin (also as a live exec session) and copies a folder in and out on one engine. Writes the results as JSON.
param(
    [Parameter(Mandatory)] [string] $Dependencies,
    [Parameter(Mandatory)] [string] $Endpoint,
    [Parameter(Mandatory)] [string] $Image,
    [Parameter(Mandatory)] [string] $Work
)
$ErrorActionPreference = 'Stop'

$context = [System.Runtime.Loader.AssemblyLoadContext]::new('oci-netstandard', $false)
# Loaded up front (a resolver written in PowerShell cannot run on the thread-pool threads that would ask), except the
# back-ports of the runtime's own types, which the module shares with the platform too.
$unified = 'System.Buffers', 'System.Memory', 'System.Numerics.Vectors', 'System.Runtime.CompilerServices.Unsafe', 'System.Threading.Tasks.Extensions'
foreach ($dll in Get-ChildItem -LiteralPath $Dependencies -Filter *.dll -File) {
    if ($dll.BaseName -notin $unified) { $null = $context.LoadFromAssemblyPath($dll.FullName) }
}
$core = $context.Assemblies | Where-Object { $_.GetName().Name -eq 'Oci.Core' }
function New-Core([string] $TypeName) { [Activator]::CreateInstance($core.GetType("Oci.$TypeName", $true)) }
function Get-Enum([string] $TypeName, [string] $Value) { [Enum]::Parse($core.GetType("Oci.$TypeName", $true), $Value) }
function Invoke-Core([string] $Method, [string] $Target, $Options) {
    $request = $core.GetType('Oci.OciRequest', $true)::WithOptions($Method, (Get-Enum OciKind Container), $Target, $Options)
    $client.ExecuteAsync($request, [Threading.CancellationToken]::None).GetAwaiter().GetResult()
}

$client = $core.GetType('Oci.OciClient', $true)::ConnectAsync('docker', $Endpoint, [Threading.CancellationToken]::None).GetAwaiter().GetResult()
$result = [ordered]@{ Framework = ($core.GetCustomAttributes($true) | Where-Object { $_ -is [System.Runtime.Versioning.TargetFrameworkAttribute] }).FrameworkName }
$name = 'ns20-' + [guid]::NewGuid().ToString('N').Substring(0, 12)
try {
    $spec = New-Core OciRunOptions
    $spec.Image = $Image; $spec.Command = [string[]]@('sh', '-c', 'echo out; echo err >&2; exit 3'); $spec.NetworkMode = 'none'
    $run = (Invoke-Core RUN $null $spec).Data
    $result.Run = [ordered]@{ Stdout = $run.Stdout; Stderr = $run.Stderr; ExitCode = $run.ExitCode; Removed = $run.Removed }

    $spec = New-Core OciContainerSpec
    $spec.Image = $Image; $spec.Name = $name; $spec.Command = [string[]]@('sleep', '60'); $spec.NetworkMode = 'none'
    $null = Invoke-Core CREATE $null $spec
    $null = Invoke-Core START $name $null
    $exec = New-Core OciExecOptions
    $exec.Command = [string[]]@('sh', '-c', 'cat; echo done >&2'); $exec.Input = "through stdin`n"
    $r = (Invoke-Core EXEC $name $exec).Data
    $result.Exec = [ordered]@{ Stdout = $r.Stdout; Stderr = $r.Stderr; ExitCode = $r.ExitCode }

    # EXEC_SESSION: the running command as a two-way stream (what PowerShell sessions ride on), read line by line.
    $options = New-Core OciExecSessionOptions
    $options.Command = [string[]]@('sh', '-c', 'while read -r l; do echo "out:$l"; done; echo "err:end" >&2; exit 4')
    $session = $client.OpenExecSessionAsync($name, $options, [Threading.CancellationToken]::None).GetAwaiter().GetResult()
    try {
        $session.WriteAsync("one ü`ntwo`n", [Threading.CancellationToken]::None).GetAwaiter().GetResult()
        $session.CloseInputAsync([Threading.CancellationToken]::None).GetAwaiter().GetResult()
        $lines = while ($null -ne ($line = $session.ReadLineAsync([Threading.CancellationToken]::None).GetAwaiter().GetResult())) { "$($line.Stream):$($line.Text)" }
        $result.Session = [ordered]@{ Lines = @($lines); ExitCode = $session.GetExitCodeAsync([Threading.CancellationToken]::None).GetAwaiter().GetResult() }
    }
    finally {
        $session.Dispose()
    }

    $copy = New-Core OciCopyOptions
    $copy.Direction = Get-Enum OciCopyDirection IntoContainer; $copy.Source = Join-Path $Work 'payload'; $copy.Destination = '/tmp'
    $result.CopiedIn = (Invoke-Core COPY $name $copy).Data
    $copy.Direction = Get-Enum OciCopyDirection OutOfContainer; $copy.Source = '/tmp/payload'; $copy.Destination = Join-Path $Work 'back'
    $result.CopiedOut = (Invoke-Core COPY $name $copy).Data
}
finally {
    $remove = New-Core OciContainerRemoveOptions
    $remove.Force = $true
    try { $null = Invoke-Core REMOVE $name $remove } catch { Write-Verbose "$_" }
    $client.Dispose()
}
$result | ConvertTo-Json -Compress
