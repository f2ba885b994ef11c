#Requires -Version 7.2
# Import-OciImage on Docker and Podman: loads archives (from paths or Get-ChildItem) with progress; a truncated or foreign
# file is a clear Oci.InvalidArgument naming it; -WhatIf loads nothing.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    Get-OciConnection | Disconnect-OciEngine
    $docker, $podman = Connect-BothEngines -Prefix import
}

AfterAll {
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Import-OciImage' {
    It 'loads an archive into <Name> with progress and writes the images with their connection' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $c = if ($Name -eq 'Docker') { $docker } else { $podman }
        $tag = "$Registry/importtests/img:" + [guid]::NewGuid().ToString('N').Substring(0, 10)
        $file = New-TestArchive -Tag $tag -Labels @{ 'oci.test.import' = $tag }
        $rs = New-TestRunspace
        try {
            $r = Invoke-InRunspace $rs { param($e, $f) $x = Connect-OciEngine -Endpoint $e; Get-Item $f | Import-OciImage -Connection $x } @{ e = $c.Endpoint; f = $file }
            $r.Errors.Count | Should -Be 0
            $r.Output.Count | Should -Be 1
            $r.Output[0].GetType().FullName | Should -Be 'Oci.OciImage'
            $r.Output[0].Tags | Should -Contain $tag
            $r.Output[0].Connection.Endpoint | Should -Be $c.Endpoint
            @($r.Progress | Where-Object Activity -like 'Loading *').Count | Should -BeGreaterThan 0
        }
        finally { $rs.Dispose(); Remove-Item $file; Remove-OciImage $tag -Connection $c -ErrorAction SilentlyContinue }
    }

    It 'a truncated archive on <Name> is Oci.InvalidArgument naming the file, and the next file is still loaded' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $c = if ($Name -eq 'Docker') { $docker } else { $podman }
        $tag = "$Registry/importtests/img:" + [guid]::NewGuid().ToString('N').Substring(0, 10)
        $good = New-TestArchive -Tag $tag
        $bytes = [IO.File]::ReadAllBytes((New-TestArchive -Tag "$tag-cut" -Path ($good + '.src')))
        $cut = $good + '.cut'
        [IO.File]::WriteAllBytes($cut, $bytes[0..($bytes.Length * 2 / 3)])
        try {
            $out = @(Import-OciImage $cut, $good -Connection $c -ErrorVariable ev -ErrorAction SilentlyContinue)
            $ev.Count | Should -Be 1
            $ev[0].FullyQualifiedErrorId | Should -Be 'Oci.InvalidArgument,Oci.PowerShell.ImportOciImage'
            $ev[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $ev[0].TargetObject | Should -Be $cut
            "$ev" | Should -Match 'not a complete image archive'
            $out.Tags | Should -Contain $tag
        }
        finally { Remove-Item $good, ($good + '.src'), $cut -ErrorAction SilentlyContinue; Remove-OciImage $tag -Connection $c -ErrorAction SilentlyContinue }
    }

    It 'a foreign or missing file is refused before anything is sent; -WhatIf loads nothing' {
        $foreign = Join-Path ([IO.Path]::GetTempPath()) "oci-foreign-$([guid]::NewGuid().ToString('N')).txt"
        Set-Content $foreign 'not an archive'
        try {
            Import-OciImage $foreign, '/no/such/file.tar' -Connection $docker -ErrorVariable ev -ErrorAction SilentlyContinue
            $ev.Count | Should -Be 2
            $ev | ForEach-Object { $_.FullyQualifiedErrorId | Should -Be 'Oci.InvalidArgument,Oci.PowerShell.ImportOciImage' }
            "$($ev[0])" | Should -Match 'tar archive'
            $tag = "$Registry/importtests/img:" + [guid]::NewGuid().ToString('N').Substring(0, 10)
            $file = New-TestArchive -Tag $tag
            $text = Get-WhatIfText { Import-OciImage $file -Connection $podman -WhatIf }
            $text | Should -BeLike "*What if: Performing the operation ""Load images"" on target ""$file into import-podman*"
            @(Get-OciImage $tag -Connection $podman -ErrorAction SilentlyContinue).Count | Should -Be 0
            Remove-Item $file
        }
        finally { Remove-Item $foreign }
    }
}
