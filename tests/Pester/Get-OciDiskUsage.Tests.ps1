#Requires -Version 7.2
# Get-OciDiskUsage on Docker and Podman: four rows per engine with their connection, read at once, like docker system df.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    Get-OciConnection | Disconnect-OciEngine
    $docker, $podman = Connect-BothEngines -Prefix df
    foreach ($c in $docker, $podman) { $null = Invoke-OciPull $Small -Connection $c -ErrorAction Stop }
}

AfterAll {
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Get-OciDiskUsage' {
    It 'writes images, containers, volumes and build cache for each engine at once, with reclaimable bytes' {
        $rows = @(Get-OciConnection | Get-OciDiskUsage)
        $rows.Count | Should -Be 8
        $rows.Type | Should -Be @('Images', 'Containers', 'Volumes', 'BuildCache', 'Images', 'Containers', 'Volumes', 'BuildCache')
        @($rows.Connection.Name | Select-Object -Unique) | Should -Be @('df-docker', 'df-podman')
        foreach ($r in $rows) {
            $r.GetType().FullName | Should -Be 'Oci.OciDiskUsage'
            $r.Reclaimable | Should -BeLessOrEqual $r.Size
            $r.Active | Should -BeLessOrEqual $r.Total
        }
        ($rows | Where-Object Type -eq Images)[0].Size | Should -BeGreaterThan 0
        Get-TableColumns ($rows | Out-String -Width 200) | Should -Be @('Type', 'Total', 'Active', 'Size', 'Reclaimable')
    }

    It 'counts an image a container uses as active, and its own bytes as not reclaimable' {
        # An image of its own: its layer is shared with no other image, so its bytes stay while the container does.
        $file = New-TestArchive -Tag ("$Registry/dftests/img:" + [guid]::NewGuid().ToString('N').Substring(0, 10))
        $image = Import-OciImage $file -Connection $docker
        Remove-Item $file
        $id = New-TestContainer $docker $image.Reference -NoStart
        try {
            $images = Get-OciDiskUsage -Connection $docker | Where-Object Type -eq Images
            $images.Active | Should -BeGreaterOrEqual 1
            $images.Reclaimable | Should -BeLessThan $images.Size
        }
        finally { Remove-TestContainer $docker $id; $image | Remove-OciImage -Force }
    }

    It 'an engine that cannot be read is a non-terminating error; the others still answer' {
        $closed = Connect-OciEngine -Endpoint $Endpoint -Name df-closed
        $closed | Disconnect-OciEngine
        $rows = @(Get-OciDiskUsage -Connection $closed, $podman -ErrorVariable ev -ErrorAction SilentlyContinue)
        $rows.Count | Should -Be 4
        $ev[0].FullyQualifiedErrorId | Should -Be 'Oci.ConnectionClosed,Oci.PowerShell.GetOciDiskUsage'
    }
}
