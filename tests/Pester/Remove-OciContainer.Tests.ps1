#Requires -Version 7.2
# Remove-OciContainer on Docker and Podman.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    Get-OciConnection | Disconnect-OciEngine
    $docker, $podman = Connect-BothEngines -Prefix rmctr
    $run = [guid]::NewGuid().ToString('N')
}

AfterAll {
    foreach ($c in $docker, $podman) { Remove-TestContainers -Run $run -Connection $c }
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Remove-OciContainer' {
    It 'refuses a running container without -Force (Oci.Conflict) and removes it with -Force, on <Name>' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $c = if ($Name -eq 'Docker') { $docker } else { $podman }
        $ctr = New-LabelledTestContainer -Connection $c -Run $run
        $ctr | Remove-OciContainer -ErrorVariable ev -ErrorAction SilentlyContinue
        $ev.Count | Should -Be 1
        $ev[0].FullyQualifiedErrorId | Should -Be 'Oci.Conflict,Oci.PowerShell.RemoveOciContainer'
        $ev[0].CategoryInfo.Category | Should -Be 'ResourceBusy'
        $ev[0].TargetObject | Should -Be $ctr.Id
        (Get-OciContainer $ctr.Name -Connection $c).State | Should -Be 'running'
        $ctr | Remove-OciContainer -Force -PassThru | Should -Be $ctr.Id
        @(Get-OciContainer -All -Label "$ContainerLabel=$run" -Connection $c | Where-Object Name -eq $ctr.Name).Count | Should -Be 0
    }

    It 'Get-OciContainer -All | Where-Object State -eq stopped | Remove-OciContainer removes the stopped ones from each engine; -WhatIf removes nothing' {
        $keep = foreach ($c in $docker, $podman) { New-LabelledTestContainer -Connection $c -Run $run }
        $go = foreach ($c in $docker, $podman) { New-LabelledTestContainer -Connection $c -Run $run -Script 'exit 0' }
        foreach ($g in $go) { $null = $g | Wait-OciContainer }
        Get-OciConnection | Get-OciContainer -All -Label "$ContainerLabel=$run" | Where-Object State -eq stopped | Remove-OciContainer -WhatIf
        @(Get-OciConnection | Get-OciContainer -All -Label "$ContainerLabel=$run").Count | Should -Be 4
        Get-OciConnection | Get-OciContainer -All -Label "$ContainerLabel=$run" | Where-Object State -eq stopped | Remove-OciContainer
        $left = @(Get-OciConnection | Get-OciContainer -All -Label "$ContainerLabel=$run")
        @($left.Name | Sort-Object) | Should -Be @($keep.Name | Sort-Object)
    }

    It 'a missing container is a non-terminating Oci.ContainerNotFound and the next one is still removed' {
        $ctr = New-LabelledTestContainer -Connection $docker -Run $run -NoStart
        $missing = New-TestContainerName -Prefix none
        Remove-OciContainer $missing, $ctr.Name -Connection $docker -ErrorVariable ev -ErrorAction SilentlyContinue
        $ev[0].FullyQualifiedErrorId | Should -Be 'Oci.ContainerNotFound,Oci.PowerShell.RemoveOciContainer'
        $ev[0].TargetObject | Should -Be $missing
        @(Get-OciContainer -All -Label "$ContainerLabel=$run" -Connection $docker | Where-Object Name -eq $ctr.Name).Count | Should -Be 0
    }
}
