#Requires -Version 7.2
# Remove-OciNetwork on Docker and Podman: by name or id, from Get-OciNetwork to each network's engine, errors per target, -WhatIf.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    Get-OciConnection | Disconnect-OciEngine
    $docker, $podman = Connect-BothEngines -Prefix rmnet
    $run = [guid]::NewGuid().ToString('N').Substring(0, 10)
}

AfterAll {
    Get-OciNetwork "rmnet-$run*" -Connection $docker, $podman | Remove-OciNetwork
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Remove-OciNetwork' {
    It 'removes networks piped from Get-OciNetwork from the engine each came from' {
        foreach ($c in $docker, $podman) { $null = New-OciNetwork "rmnet-$run-a" -Connection $c }
        Get-OciNetwork "rmnet-$run-a" -Connection $docker, $podman | Remove-OciNetwork
        @(Get-OciNetwork "rmnet-$run-a" -Connection $docker, $podman -ErrorAction SilentlyContinue).Count | Should -Be 0
    }

    It 'removes by id; -WhatIf removes nothing' {
        $n = New-OciNetwork "rmnet-$run-b" -Connection $podman
        $text = Get-WhatIfText { Remove-OciNetwork $n.Id -Connection $podman -WhatIf }
        $text | Should -BeLike "*What if: Performing the operation ""Remove network"" on target ""$($n.Id) on rmnet-podman*"
        @(Get-OciNetwork "rmnet-$run-b" -Connection $podman).Count | Should -Be 1
        Remove-OciNetwork -Id $n.Id -Connection $podman
        @(Get-OciNetwork "rmnet-$run-b" -Connection $podman -ErrorAction SilentlyContinue).Count | Should -Be 0
    }

    It 'a missing network is a non-terminating Oci.NetworkNotFound and the next is still removed' {
        $null = New-OciNetwork "rmnet-$run-c" -Connection $docker
        Remove-OciNetwork "rmnet-$run-none", "rmnet-$run-c" -Connection $docker -ErrorVariable ev -ErrorAction SilentlyContinue
        $ev.Count | Should -Be 1
        $ev[0].FullyQualifiedErrorId | Should -Be 'Oci.NetworkNotFound,Oci.PowerShell.RemoveOciNetwork'
        $ev[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        @(Get-OciNetwork "rmnet-$run-c" -Connection $docker -ErrorAction SilentlyContinue).Count | Should -Be 0
    }
}
