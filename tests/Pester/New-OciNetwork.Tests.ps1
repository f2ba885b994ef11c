#Requires -Version 7.2
# New-OciNetwork on Docker and Podman: internal, subnet and gateway, labels, the network written with its connection, a
# name in use is Oci.Conflict, bad input refused before anything is sent, -WhatIf.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    Get-OciConnection | Disconnect-OciEngine
    $docker, $podman = Connect-BothEngines -Prefix newnet
    $run = [guid]::NewGuid().ToString('N').Substring(0, 10)
    # A /24 of its own: engines on one host refuse a subnet another already uses.
    function New-Subnet { "10.$(Get-Random -Minimum 128 -Maximum 255).$(Get-Random -Minimum 0 -Maximum 255)" }
}

AfterAll {
    Get-OciNetwork "newnet-$run*" -Connection $docker, $podman | Remove-OciNetwork
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'New-OciNetwork' {
    It 'creates an internal network with a subnet, gateway and labels on <Name>' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $c = if ($Name -eq 'Docker') { $docker } else { $podman }
        $net = New-Subnet
        $n = New-OciNetwork "newnet-$run-$Name" -Internal -Subnet "$net.0/24" -Gateway "$net.1" -Label @{ project = 'shop' } -Connection $c
        $n.GetType().FullName | Should -Be 'Oci.OciNetwork'
        ($n.Name, $n.Internal, $n.Labels['project']) | Should -Be @("newnet-$run-$Name", $true, 'shop')
        $n.Subnets | Should -Be @("$net.0/24")
        $n.Gateways | Should -Be @("$net.1")
        $n.Connection | Should -Be $c
    }

    It 'a name in use is a non-terminating Oci.Conflict; -WhatIf creates nothing' {
        $null = New-OciNetwork "newnet-$run-x" -Connection $docker
        New-OciNetwork "newnet-$run-x" -Connection $docker -ErrorVariable ev -ErrorAction SilentlyContinue
        $ev[0].FullyQualifiedErrorId | Should -Be 'Oci.Conflict,Oci.PowerShell.NewOciNetwork'
        $ev[0].TargetObject | Should -Be "newnet-$run-x"
        $text = Get-WhatIfText { New-OciNetwork "newnet-$run-y" -Connection $podman -WhatIf }
        $text | Should -BeLike "*What if: Performing the operation ""Create network"" on target ""newnet-$run-y on newnet-podman*"
        @(Get-OciNetwork "newnet-$run-y" -Connection $podman -ErrorAction SilentlyContinue).Count | Should -Be 0
    }

    It 'a malformed subnet, gateway or name is Oci.InvalidArgument naming it' {
        New-OciNetwork "newnet-$run-z" -Subnet '10.1.2.3' -Connection $docker -ErrorVariable ev -ErrorAction SilentlyContinue
        $ev[0].FullyQualifiedErrorId | Should -Be 'Oci.InvalidArgument,Oci.PowerShell.NewOciNetwork'
        New-OciNetwork "newnet-$run-z" -Gateway '10.1.2.1' -Connection $docker -ErrorVariable ev2 -ErrorAction SilentlyContinue
        $ev2[0].FullyQualifiedErrorId | Should -Be 'Oci.InvalidArgument,Oci.PowerShell.NewOciNetwork'
        New-OciNetwork '../x' -Connection $docker -ErrorVariable ev3 -ErrorAction SilentlyContinue
        $ev3[0].TargetObject | Should -Be '../x'
        @(Get-OciNetwork "newnet-$run-z" -Connection $docker -ErrorAction SilentlyContinue).Count | Should -Be 0
    }
}
