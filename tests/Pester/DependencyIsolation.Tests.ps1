#Requires -Version 7.2
# A conflicting Docker.DotNet (the original 3.125.15, same assembly name as the module's Docker.DotNet.Enhanced)
# already loaded in the default context must not break the module. Runs in fresh processes: a load-context
# conflict cannot be undone in-process. Also checks the same in a fresh pwsh.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    $hostProject = Join-Path $RepoRoot 'tests' 'Oci.PowerShell.ConflictHost' 'Oci.PowerShell.ConflictHost.csproj'
    $hostOut = Join-Path ([System.IO.Path]::GetTempPath()) "oci-conflicthost-$([guid]::NewGuid().ToString('N'))"
    $build = & dotnet build $hostProject -c Release -o $hostOut 2>&1
    if ($LASTEXITCODE -ne 0) { throw "Building $hostProject failed:`n$($build -join "`n")" }
    $hostDll = Join-Path $hostOut 'Oci.PowerShell.ConflictHost.dll'
}

AfterAll {
    if ($hostOut -and (Test-Path $hostOut)) { Remove-Item $hostOut -Recurse -Force }
}

Describe 'Dependency isolation' {
    It 'a conflicting Docker.DotNet loaded first does not break the module' {
        $out = & dotnet $hostDll $ModulePath $Endpoint $Small 2>&1 | ForEach-Object { "$_" }
        $exit = $LASTEXITCODE
        $text = $out -join "`n"
        Write-Host $text
        $text | Should -Match '(?m)^PRELOADED Docker\.DotNet 3\.125\.\d+\.\d+ Default$'
        $exit | Should -Be 0 -Because "the module failed next to a conflicting Docker.DotNet:`n$text"
        $text | Should -Match '(?m)^PULLED sha256:[0-9a-f]{64} Oci\.OciImage images=\d+$'
        $loaded = @($out | Where-Object { $_.StartsWith('ASSEMBLY ') } | ForEach-Object { , ($_.Trim() -split ' ') })
        @($loaded | Where-Object { $_[1] -eq 'Docker.DotNet' -and $_[2].StartsWith('3.125.') -and $_[3] -eq 'Default' }).Count | Should -BeGreaterOrEqual 1
        @($loaded | Where-Object { $_[1] -eq 'Oci.Core' -and $_.Count -gt 3 -and $_[3] -ne 'Default' }).Count | Should -BeGreaterOrEqual 1
        # Whatever the module loaded from its Dependencies/ (Oci.Core, its transport, System.Text.Json, ...) is in its own context.
        $deps = @($out | Where-Object { $_.StartsWith('DEPENDENCY ') } | ForEach-Object { , ($_.Trim() -split ' ') })
        @($deps | ForEach-Object { $_[1] }) | Should -Contain 'Oci.Core'
        @($deps | Where-Object { $_[3] -eq 'Default' } | ForEach-Object { $_[1] }) | Should -BeNullOrEmpty -Because 'no dependency of the module may land in the default context'
        @($loaded | Where-Object { $_[1] -eq 'Docker.DotNet' -and $_[3] -ne 'Default' }).Count | Should -Be 0 -Because 'the module does not need a Docker.DotNet core of its own, so none is loaded beside the conflicting one'
    }

    It 'the same holds in a fresh pwsh that loaded the conflicting Docker.DotNet first' {
        $script = {
            param($DockerDotNet, $ModulePath, $Endpoint, $Reference)
            $ErrorActionPreference = 'Stop'
            $old = [System.Reflection.Assembly]::LoadFrom($DockerDotNet)
            $configType = $old.GetType('Docker.DotNet.DockerClientConfiguration', $true)
            $config = $configType::new([uri]$Endpoint)
            $config.CreateClient().Dispose()
            'PRELOADED {0} {1}' -f $old.GetName().Version, [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($old).Name
            Import-Module $ModulePath
            $c = Connect-OciEngine -Endpoint $Endpoint
            'PULLED ' + (Invoke-OciPull -Reference $Reference -Connection $c).Data.Id
            $c | Disconnect-OciEngine
        }
        $encoded = [Convert]::ToBase64String([System.Text.Encoding]::Unicode.GetBytes(
                "& { $script } '$(Join-Path $hostOut 'Docker.DotNet.dll')' '$ModulePath' '$Endpoint' '$Small'"))
        # Started as this pwsh was: `pwsh`, or `dotnet <PSHOME>/pwsh.dll` under the dotnet tool (whose process is dotnet).
        $out = Invoke-Pwsh @('-EncodedCommand', $encoded) 2>&1 | ForEach-Object { "$_" }
        $text = $out -join "`n"
        $LASTEXITCODE | Should -Be 0 -Because $text
        $text | Should -Match '(?m)^PRELOADED 3\.125\.\d+\.\d+ Default$'
        $text | Should -Match '(?m)^PULLED sha256:[0-9a-f]{64}$'
    }
}
