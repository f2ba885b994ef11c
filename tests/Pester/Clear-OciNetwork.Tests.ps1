#Requires -Version 7.2
# Clear-OciNetwork on Docker and Podman: -WhatIf names exactly the test's labelled networks and removes nothing; then they go.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    Get-OciConnection | Disconnect-OciEngine
    $docker, $podman = Connect-BothEngines -Prefix clrnet
}

AfterAll {
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Clear-OciNetwork' {
    It 'on <Name>: -WhatIf lists exactly the labelled unused network; the prune removes it and nothing else' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $c = if ($Name -eq 'Docker') { $docker } else { $podman }
        $run = [guid]::NewGuid().ToString('N').Substring(0, 10)
        $null = New-OciNetwork "clrnet-$run" -Label @{ 'oci.test.clr' = $run } -Connection $c
        $others = @(Get-OciNetwork -Connection $c).Name
        try {
            $text = Get-WhatIfText { Clear-OciNetwork -Label "oci.test.clr=$run" -Connection $c -WhatIf }
            $text | Should -BeLike "*What if: Performing the operation ""Prune networks"" on target ""1 unused network(s) on clrnet-$($Name.ToLower()) *: clrnet-$run""*"
            @(Get-OciNetwork "clrnet-$run" -Connection $c).Count | Should -Be 1
            $result = Clear-OciNetwork -Label "oci.test.clr=$run" -Connection $c -Confirm:$false
            $result.Deleted | Should -Be @("clrnet-$run")
            @(Get-OciNetwork -Connection $c).Name | Should -Be @($others | Where-Object { $_ -ne "clrnet-$run" })
        }
        finally { Remove-OciNetwork "clrnet-$run" -Connection $c -ErrorAction SilentlyContinue }
    }
}
