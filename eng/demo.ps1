<#
    The main job, end to end, as the README's quick start: connect to the engine, pull an image with
    progress, list the engine's images, run a container from the image (its output and exit code), open a PowerShell
    session inside a running container (where the test bed's pwsh image is, on PowerShell 7.6+), disconnect. build.ps1 -Task Demo builds out/Oci, starts the test
    bed and runs this; it also runs on its own against any engine once the module is built.

    -Reference  the image to pull (default: small:latest in $env:OCI_TEST_REGISTRY, else 127.0.0.1:5000)
    -Fresh      remove the image first, so the pull downloads its layers and shows progress
#>
param(
    [string] $Reference,
    [switch] $Fresh
)

$ErrorActionPreference = 'Stop'

Import-Module (Join-Path $PSScriptRoot '../out/Oci/Oci.psd1')

if (-not $Reference) {
    $registry = if ($env:OCI_TEST_REGISTRY) { $env:OCI_TEST_REGISTRY } else { '127.0.0.1:5000' }
    $Reference = "$registry/small:latest"
}

# The test bed's engine when it is up; otherwise discovery finds the engine as docker and podman do.
$connect = @{}
if ($env:OCI_TEST_DOCKER_HOST) { $connect.Endpoint = $env:OCI_TEST_DOCKER_HOST }

# Each step is formatted on its own: in one output stream PowerShell formats every object after the first
# type's table as a list, so the views in Oci.format.ps1xml would not show. 160 columns, so the tables keep
# their columns in a narrow window or a log file too.
function Show-Output { $input | Out-String -Stream -Width 160 | ForEach-Object { $_.TrimEnd() } }

try {
    Write-Host '== Connect-OciEngine' -ForegroundColor Cyan
    Connect-OciEngine @connect | Show-Output

    if ($Fresh) {
        # Not there yet is fine: the point is only that the pull below starts from nothing.
        try { $null = Invoke-OciRequest -Method REMOVE -Target $Reference } catch { Write-Verbose "$_" }
    }

    Write-Host "== '$Reference' | Invoke-OciPull" -ForegroundColor Cyan
    $Reference | Invoke-OciPull | Show-Output

    Write-Host '== Invoke-OciRequest -Method LIST -Kind IMAGE' -ForegroundColor Cyan
    $list = Invoke-OciRequest -Method LIST -Kind IMAGE
    $list | Show-Output
    # The typed data behind the response: the images, as `docker images` shows them.
    $list.Data | Show-Output

    # A container from the pulled image, run to its end and removed (docker run --rm): both streams and the exit code.
    # Network mode none: the test bed's engines have no bridge network.
    Write-Host "== Invoke-OciContainer '$Reference' (run, then removed)" -ForegroundColor Cyan
    $run = Invoke-OciContainer $Reference 'sh', '-c', 'echo "hello from $(hostname)"; echo "a warning" >&2; exit 3' -Network none
    $run | Show-Output
    Write-Host "stdout: $($run.Stdout.TrimEnd())"
    Write-Host "stderr: $($run.Stderr.TrimEnd())"
    Write-Host "exit code: $($run.ExitCode)"

    # A PowerShell session inside a running container (PowerShell 7.6+; the container needs pwsh: the test bed's pwsh image).
    if ($env:OCI_TEST_PWSH_IMAGE -and $PSVersionTable.PSVersion -ge [version]'7.6') {
        $web = 'web-demo-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        Write-Host "== Invoke-Command -Session (Get-OciContainer $web | New-OciPSSession) { `$PSVersionTable }" -ForegroundColor Cyan
        New-OciContainer $env:OCI_TEST_PWSH_IMAGE 'sleep', '600' -Name $web -Network none | Start-OciContainer
        try {
            # By parameter: Invoke-Command binds piped sessions to -InputObject and would run the block here.
            Invoke-Command -Session (Get-OciContainer $web | New-OciPSSession) { $PSVersionTable + @{ HostName = [Environment]::MachineName } } | Show-Output
        }
        finally {
            Get-PSSession | Where-Object ComputerName -eq $web | Remove-PSSession
            Remove-OciContainer $web -Force -Confirm:$false
        }
    }
}
finally {
    Write-Host '== Get-OciConnection | Disconnect-OciEngine' -ForegroundColor Cyan
    Get-OciConnection | Disconnect-OciEngine
}
