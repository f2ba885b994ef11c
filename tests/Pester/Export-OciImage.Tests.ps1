#Requires -Version 7.2
# Export-OciImage on Docker and Podman: two images in one archive with progress, removed, imported back with the same
# ids; images from two engines refused; a missing folder refused before anything is sent.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    Get-OciConnection | Disconnect-OciEngine
    $docker, $podman = Connect-BothEngines -Prefix export
    function New-OwnImages($c) {
        # Two images only this test has, loaded into $c.
        $run = [guid]::NewGuid().ToString('N').Substring(0, 10)
        foreach ($n in 1, 2) {
            $file = New-TestArchive -Tag "$Registry/exporttests/img$n`:$run" -Labels @{ 'oci.test.export' = "$run-$n" }
            Import-OciImage $file -Connection $c
            Remove-Item $file
        }
    }
}

AfterAll {
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Export-OciImage' {
    It 'saves two images of <Name> into one archive with progress; removed and imported back, they have the same ids' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $c = if ($Name -eq 'Docker') { $docker } else { $podman }
        $images = @(New-OwnImages $c)
        $file = Join-Path ([IO.Path]::GetTempPath()) "oci-export-$([guid]::NewGuid().ToString('N')).tar"
        $rs = New-TestRunspace
        try {
            $r = Invoke-InRunspace $rs { param($e, $ids, $f) $x = Connect-OciEngine -Endpoint $e; Export-OciImage $ids -Path $f -Connection $x -PassThru } @{ e = $c.Endpoint; ids = $images.Reference; f = $file }
            $r.Errors.Count | Should -Be 0
            $r.Output[0].FullName | Should -Be $file
            (Get-Item $file).Length | Should -BeGreaterThan 0
            @($r.Progress | Where-Object Activity -like 'Saving *').Count | Should -BeGreaterThan 0
            $images | Remove-OciImage -Force
            $loaded = @(Import-OciImage $file -Connection $c)
            @($loaded.Id | Sort-Object) | Should -Be @($images.Id | Sort-Object)
            $loaded.Connection | Select-Object -Unique | Should -Be $c
        }
        finally {
            $rs.Dispose()
            Remove-Item $file -ErrorAction SilentlyContinue
            $images | Remove-OciImage -Force -ErrorAction SilentlyContinue
        }
    }

    It 'takes images from Get-OciImage; images from two engines are refused; -WhatIf writes no file' {
        $d = @(New-OwnImages $docker)
        $p = @(New-OwnImages $podman)
        $file = Join-Path ([IO.Path]::GetTempPath()) "oci-export-$([guid]::NewGuid().ToString('N')).tar"
        try {
            { $d[0], $p[0] | Export-OciImage -Path $file -ErrorAction Stop } | Should -Throw -ErrorId 'Oci.InvalidArgument,Oci.PowerShell.ExportOciImage'
            $text = Get-WhatIfText { $d | Export-OciImage -Path $file -WhatIf }
            $text | Should -BeLike "*What if: Performing the operation ""Save to $file"" on target*export-docker*"
            Test-Path $file | Should -BeFalse
            $d | Export-OciImage -Path $file
            Test-Path $file | Should -BeTrue
        }
        finally {
            Remove-Item $file -ErrorAction SilentlyContinue
            $d + $p | Remove-OciImage -Force -ErrorAction SilentlyContinue
        }
    }

    It 'a missing image is Oci.ImageNotFound and leaves no file; a missing folder is Oci.InvalidArgument' {
        $file = Join-Path ([IO.Path]::GetTempPath()) "oci-export-$([guid]::NewGuid().ToString('N')).tar"
        $missing = "$Registry/none:t-" + [guid]::NewGuid().ToString('N').Substring(0, 8)
        Export-OciImage $missing -Path $file -Connection $docker -ErrorVariable ev -ErrorAction SilentlyContinue
        $ev[0].FullyQualifiedErrorId | Should -Be 'Oci.ImageNotFound,Oci.PowerShell.ExportOciImage'
        Test-Path $file | Should -BeFalse
        Export-OciImage $Small -Path '/no-such-folder-oci/x.tar' -Connection $docker -ErrorVariable ev2 -ErrorAction SilentlyContinue
        $ev2[0].FullyQualifiedErrorId | Should -Be 'Oci.InvalidArgument,Oci.PowerShell.ExportOciImage'
    }
}

Describe 'Export-OciImage stopped midway' {
    It 'stops at once on Ctrl+C and leaves no partial archive' {
        $null = Invoke-OciPull $Big -Connection $docker -ErrorAction Stop
        $file = Join-Path ([IO.Path]::GetTempPath()) "oci-export-$([guid]::NewGuid().ToString('N')).tar"
        $rs = New-TestRunspace
        $ps = [powershell]::Create()
        $ps.Runspace = $rs
        $null = $ps.AddScript('param($e, $i, $f) $x = Connect-OciEngine -Endpoint $e; Export-OciImage $i -Path $f -Connection $x').AddParameters(@{ e = $Endpoint; i = $Big; f = $file })
        try {
            $handle = $ps.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(60) # hang guard
            while (-not ((Test-Path $file) -and (Get-Item $file).Length -gt 0) -and -not $handle.IsCompleted -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
            $handle.IsCompleted | Should -BeFalse -Because 'the 256 MB image is still being saved'
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 10 -Because 'Ctrl+C stops the save at once'
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $gone = [DateTime]::UtcNow.AddSeconds(30)
            while ((Test-Path $file) -and [DateTime]::UtcNow -lt $gone) { Start-Sleep -Milliseconds 100 }
            Test-Path $file | Should -BeFalse -Because 'a save that did not finish leaves no archive'
        }
        finally { $ps.Dispose(); $rs.Dispose(); Remove-Item $file -ErrorAction SilentlyContinue }
    }
}
