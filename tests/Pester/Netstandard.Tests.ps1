#Requires -Version 7.2
# The netstandard2.0 build of Oci.Core, which Windows PowerShell 5.1 loads (PowerShell 7 loads net8.0): its own code
# paths — the exec connection dialled without the pooled transport, SharpZipLib's tar, Docker.DotNet's transports for
# streams — on both engines, in a child pwsh (Netstandard/Invoke-CoreRoundTrip.ps1) so the test session keeps only the
# module's own assemblies.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
}

Describe 'Oci.Core for netstandard2.0' {
    It 'runs, execs with stdin (also as a live session) and copies a folder both ways on <Name>' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $engine = if ($Name -eq 'Docker') { $Endpoint } else { $PodmanEndpoint }
        $work = Join-Path ([IO.Path]::GetTempPath()) ('oci-ns20-' + [guid]::NewGuid().ToString('N'))
        try {
            $sub = New-Item -ItemType Directory -Path (Join-Path $work 'payload/sub') -Force
            [IO.File]::WriteAllText((Join-Path $work 'payload/a.txt'), "alpha`n")
            $bytes = [byte[]]::new(70000); [Random]::new(3).NextBytes($bytes)
            [IO.File]::WriteAllBytes((Join-Path $sub 'b.bin'), $bytes)
            $out = @(Invoke-Pwsh @('-File', (Join-Path $PSScriptRoot 'Netstandard/Invoke-CoreRoundTrip.ps1'),
                    '-Dependencies', (Join-Path $ModuleFolder 'Dependencies'), '-Endpoint', $engine, '-Image', $Small, '-Work', $work) 2>&1 | ForEach-Object { "$_" })
            $LASTEXITCODE | Should -Be 0 -Because ($out -join "`n")
            $r = $out[-1] | ConvertFrom-Json
            $r.Framework | Should -Be '.NETStandard,Version=v2.0'
            $r.Run.Stdout, $r.Run.Stderr, $r.Run.ExitCode, $r.Run.Removed | Should -Be "out`n", "err`n", 3, $true
            $r.Exec.Stdout, $r.Exec.Stderr, $r.Exec.ExitCode | Should -Be "through stdin`n", "done`n", 0
            @($r.Session.Lines | Sort-Object) | Should -Be @('Stderr:err:end', 'Stdout:out:one ü', 'Stdout:out:two')
            $r.Session.ExitCode | Should -Be 4
            $r.CopiedIn, $r.CopiedOut | Should -Be 70006, 70006
            (Get-FileHash (Join-Path $work 'back/sub/b.bin')).Hash | Should -Be (Get-FileHash (Join-Path $sub 'b.bin')).Hash
            Get-Content -Raw (Join-Path $work 'back/a.txt') | Should -Be "alpha`n"
        }
        finally {
            Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
        }
    }
}
