#Requires -Version 7.2
# Clear-OciImage on Docker and Podman: -WhatIf lists exactly the test's own dangling images and removes nothing; then the
# prune removes exactly those and reports it; -All takes the unused tagged ones too; an image a container uses stays.
# Every prune is limited by a label only this test's images carry, so nobody else's image can go.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    Get-OciConnection | Disconnect-OciEngine
    $docker, $podman = Connect-BothEngines -Prefix prune
    function New-Dangling($c, $label) {
        # Two images under one tag: the first loaded becomes dangling when the second takes the tag.
        $tag = "$Registry/prunetests/img:" + [guid]::NewGuid().ToString('N').Substring(0, 10)
        $images = foreach ($n in 1, 2) {
            $file = New-TestArchive -Tag $tag -Labels @{ 'oci.test.prune' = $label; n = "$n" }
            Import-OciImage $file -Connection $c
            Remove-Item $file
        }
        [pscustomobject]@{ Dangling = $images[0]; Tagged = $images[1]; Tag = $tag }
    }
}

AfterAll {
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Clear-OciImage' {
    It 'on <Name>, -WhatIf names exactly the dangling images and removes nothing; then they, and only they, go' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $c = if ($Name -eq 'Docker') { $docker } else { $podman }
        $label = [guid]::NewGuid().ToString('N')
        $made = New-Dangling $c $label
        try {
            $before = @(Get-OciImage -Label "oci.test.prune=$label" -Connection $c -All)
            $before.Count | Should -Be 2
            $text = Get-WhatIfText { Clear-OciImage -Label "oci.test.prune=$label" -Connection $c -WhatIf }
            $text | Should -BeLike "*What if: Performing the operation ""Prune images"" on target ""1 unused image(s) on prune-$($Name.ToLower()) *: $($made.Dangling.ShortId)""*"
            @(Get-OciImage -Label "oci.test.prune=$label" -Connection $c -All).Count | Should -Be 2 -Because '-WhatIf removes nothing'

            $result = Clear-OciImage -Label "oci.test.prune=$label" -Connection $c -Confirm:$false
            $result.GetType().FullName | Should -Be 'Oci.OciPruneResult'
            $result.Connection | Should -Be $c
            $result.Deleted | Should -Contain $made.Dangling.Id
            $result.Deleted | Should -Not -Contain $made.Tagged.Id
            @(Get-OciImage -Label "oci.test.prune=$label" -Connection $c -All).Id | Should -Be @($made.Tagged.Id)
        }
        finally { Remove-OciImage $made.Dangling.Id, $made.Tagged.Id -Force -Connection $c -ErrorAction SilentlyContinue }
    }

    It '-All prunes the unused tagged images too, but not one a container uses' {
        $label = [guid]::NewGuid().ToString('N')
        $made = New-Dangling $podman $label
        $used = New-Dangling $podman $label
        $container = New-TestContainer $podman $used.Tag -NoStart
        try {
            $result = Clear-OciImage -All -Label "oci.test.prune=$label" -Connection $podman -Confirm:$false
            @($result.Deleted | Where-Object { $_ -in $made.Dangling.Id, $made.Tagged.Id, $used.Dangling.Id }).Count | Should -Be 3
            $result.Deleted | Should -Not -Contain $used.Tagged.Id
            @(Get-OciImage -Label "oci.test.prune=$label" -Connection $podman -All).Id | Should -Be @($used.Tagged.Id)
        }
        finally {
            Remove-TestContainer $podman $container
            Remove-OciImage $made.Dangling.Id, $made.Tagged.Id, $used.Dangling.Id, $used.Tagged.Id -Force -Connection $podman -ErrorAction SilentlyContinue
        }
    }

    It 'prunes each engine of the connections given; a bad label is Oci.InvalidArgument' {
        $label = [guid]::NewGuid().ToString('N')
        $d = New-Dangling $docker $label
        $p = New-Dangling $podman $label
        try {
            $results = @(Clear-OciImage -Label "oci.test.prune=$label" -Connection $docker, $podman -Confirm:$false)
            $results.Connection.Name | Should -Be @('prune-docker', 'prune-podman')
            $results[0].Deleted | Should -Contain $d.Dangling.Id
            $results[1].Deleted | Should -Contain $p.Dangling.Id
            Clear-OciImage -Label '=bad' -Connection $docker -Confirm:$false -ErrorVariable ev -ErrorAction SilentlyContinue
            $ev[0].FullyQualifiedErrorId | Should -Be 'Oci.InvalidArgument,Oci.PowerShell.ClearOciImage'
        }
        finally {
            Remove-OciImage $d.Dangling.Id, $d.Tagged.Id -Force -Connection $docker -ErrorAction SilentlyContinue
            Remove-OciImage $p.Dangling.Id, $p.Tagged.Id -Force -Connection $podman -ErrorAction SilentlyContinue
        }
    }
}
