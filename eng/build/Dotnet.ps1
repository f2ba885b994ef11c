# dotnet as the build scripts call it. $ErrorActionPreference does not cover native commands, so every
# call checks the exit code; the arguments go as one array so each token reaches dotnet as written.
# Its output goes to the host, never into a function's return value.

function Invoke-Dotnet {
    param([Parameter(Mandatory)] [string[]] $Arguments)
    Write-Host "> dotnet $($Arguments -join ' ')" -ForegroundColor Cyan
    & dotnet $Arguments | Out-Host
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE."
    }
}

function Get-NuGetPackagesFolder {
    # Where restores put packages: NUGET_PACKAGES when set, else what NuGet itself reports.
    if ($env:NUGET_PACKAGES) { return $env:NUGET_PACKAGES }
    $line = & dotnet nuget locals global-packages --list | Select-Object -Last 1
    if ($LASTEXITCODE -ne 0 -or "$line" -notmatch '^global-packages:\s*(.+)$') {
        throw "Cannot find the NuGet global packages folder ('dotnet nuget locals global-packages --list' said: $line)."
    }
    $Matches[1].Trim()
}

function Get-PesterModulePath {
    # Pester as pinned in eng/tools/Tools.proj, restored from NuGet (the package is the module under tools/).
    $project = Join-Path $PSScriptRoot '../tools/Tools.proj'
    [xml] $xml = Get-Content -LiteralPath $project -Raw
    $version = ($xml.Project.ItemGroup.PackageDownload | Where-Object Include -eq 'Pester').Version.Trim('[]')
    Invoke-Dotnet @('restore', $project, '-nologo', '-v', 'quiet')
    $path = Join-Path (Get-NuGetPackagesFolder) "pester/$version/tools/Pester.psd1"
    if (-not (Test-Path -LiteralPath $path)) { throw "Pester $version was restored, but $path is missing." }
    $path
}
