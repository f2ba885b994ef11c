#Requires -Version 7.2
# Get-OciContainerStat on Docker and Podman.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    Get-OciConnection | Disconnect-OciEngine
    $docker, $podman = Connect-BothEngines -Prefix statctr
    $run = [guid]::NewGuid().ToString('N')
}

AfterAll {
    foreach ($c in $docker, $podman) { Remove-TestContainers -Run $run -Connection $c }
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Get-OciContainerStat' {
    It 'samples a busy container on <Name>: CPU, memory against its limit, processes' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $c = if ($Name -eq 'Docker') { $docker } else { $podman }
        $ctr = New-OciContainer $Small 'sh', '-c', 'while true; do :; done' -Network none -Memory 64MB -Label @{ $ContainerLabel = $run } -Connection $c | Start-OciContainer -PassThru
        $s = $ctr | Get-OciContainerStat
        $s.GetType().FullName | Should -Be 'Oci.OciContainerStats'
        $s.Connection | Should -Be $c
        $s.Name | Should -Be $ctr.Name
        $s.CpuPercent | Should -BeGreaterThan 0
        $s.MemoryUsage | Should -BeGreaterThan 0
        $s.MemoryLimit | Should -Be 64MB
        $s.Pids | Should -BeGreaterOrEqual 1
        Get-TableColumns ($s | Out-String -Width 200) | Should -Be @('Container ID', 'Name', 'CPU %', 'Mem Usage / Limit', 'Mem %', 'Net I/O', 'Block I/O', 'PIDs')
    }
}
