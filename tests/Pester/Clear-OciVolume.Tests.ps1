#Requires -Version 7.2
# Clear-OciVolume on Docker and Podman: -WhatIf names exactly the unused volumes of the test's label and removes nothing;
# then those go and a volume in use stays.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    Get-OciConnection | Disconnect-OciEngine
    $docker, $podman = Connect-BothEngines -Prefix clrvol
    foreach ($c in $docker, $podman) { $null = Invoke-OciPull $Small -Connection $c -ErrorAction Stop }
}

AfterAll {
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Clear-OciVolume' {
    It 'on <Name>: -WhatIf lists exactly the unused labelled volume; the prune removes it and keeps the one in use' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $c = if ($Name -eq 'Docker') { $docker } else { $podman }
        $run = [guid]::NewGuid().ToString('N').Substring(0, 10)
        $unused, $used = "clrvol-$run-unused", "clrvol-$run-used"
        $null = New-OciVolume $unused, $used -Label @{ 'oci.test.clr' = $run } -Connection $c
        $container = New-TestContainer $c $Small -Binds "${used}:/data" -NoStart
        try {
            $text = Get-WhatIfText { Clear-OciVolume -Label "oci.test.clr=$run" -Connection $c -WhatIf }
            $text | Should -BeLike "*What if: Performing the operation ""Prune volumes"" on target ""1 unused volume(s) on clrvol-$($Name.ToLower()) *: $unused""*"
            @(Get-OciVolume -Label "oci.test.clr=$run" -Connection $c).Count | Should -Be 2
            $result = Clear-OciVolume -Label "oci.test.clr=$run" -Connection $c -Confirm:$false
            $result.Deleted | Should -Be @($unused)
            $result.Connection | Should -Be $c
            @(Get-OciVolume -Label "oci.test.clr=$run" -Connection $c).Name | Should -Be @($used)
        }
        finally {
            Remove-TestContainer $c $container
            Remove-OciVolume $unused, $used -Force -Connection $c -ErrorAction SilentlyContinue
        }
    }
}
