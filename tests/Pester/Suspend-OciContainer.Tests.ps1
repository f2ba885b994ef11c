#Requires -Version 7.2
# Suspend-OciContainer on Docker and Podman.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    Get-OciConnection | Disconnect-OciEngine
    $docker, $podman = Connect-BothEngines -Prefix suspendctr
    $run = [guid]::NewGuid().ToString('N')
}

AfterAll {
    foreach ($c in $docker, $podman) { Remove-TestContainers -Run $run -Connection $c }
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Suspend-OciContainer' {
    It 'pauses containers on <Name>; a paused one cannot be paused again (Oci.Conflict)' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $c = if ($Name -eq 'Docker') { $docker } else { $podman }
        $ctr = New-LabelledTestContainer -Connection $c -Run $run
        ($ctr | Suspend-OciContainer -PassThru).State | Should -Be 'paused'
        $ctr | Suspend-OciContainer -ErrorVariable ev -ErrorAction SilentlyContinue
        $ev[0].FullyQualifiedErrorId | Should -Be 'Oci.Conflict,Oci.PowerShell.SuspendOciContainer'
        $ev[0].CategoryInfo.Category | Should -Be 'ResourceBusy'
        (Get-OciContainer $ctr.Name -Connection $c).Status | Should -Match '\(Paused\)$'
    }

    It '-WhatIf pauses nothing' {
        $ctr = New-LabelledTestContainer -Connection $docker -Run $run
        Suspend-OciContainer $ctr.Name -Connection $docker -WhatIf
        (Get-OciContainer $ctr.Name -Connection $docker).State | Should -Be 'running'
    }
}
