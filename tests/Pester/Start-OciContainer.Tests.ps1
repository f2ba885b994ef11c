#Requires -Version 7.2
# Start-OciContainer on Docker and Podman.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    Get-OciConnection | Disconnect-OciEngine
    $docker, $podman = Connect-BothEngines -Prefix startctr
    $run = [guid]::NewGuid().ToString('N')
}

AfterAll {
    foreach ($c in $docker, $podman) { Remove-TestContainers -Run $run -Connection $c }
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Start-OciContainer' {
    It 'starts containers piped from Get-OciContainer, each on its own engine, and -PassThru outputs them running' {
        $d = New-LabelledTestContainer -Connection $docker -Run $run -NoStart
        $p = New-LabelledTestContainer -Connection $podman -Run $run -NoStart
        $out = @(Get-OciContainer -Status created -Label "$ContainerLabel=$run" -Connection $docker, $podman | Start-OciContainer -PassThru)
        @($out | ForEach-Object { "$($_.Connection.Name) $($_.Name) $($_.State)" } | Sort-Object) | Should -Be @("startctr-docker $($d.Name) running", "startctr-podman $($p.Name) running")
        # A container that already runs is left as it is.
        (Start-OciContainer $d.Name -Connection $docker -PassThru).State | Should -Be 'running'
    }

    It '-WhatIf starts nothing; a missing container is a non-terminating Oci.ContainerNotFound naming it' {
        $c = New-LabelledTestContainer -Connection $podman -Run $run -NoStart
        Start-OciContainer $c.Name -Connection $podman -WhatIf
        (Get-OciContainer $c.Name -Connection $podman).State | Should -Be 'created'
        $missing = New-TestContainerName -Prefix none
        Start-OciContainer $missing, $c.Name -Connection $podman -ErrorVariable ev -ErrorAction SilentlyContinue
        $ev.Count | Should -Be 1
        $ev[0].FullyQualifiedErrorId | Should -Be 'Oci.ContainerNotFound,Oci.PowerShell.StartOciContainer'
        $ev[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $ev[0].TargetObject | Should -Be $missing
        (Get-OciContainer $c.Name -Connection $podman).State | Should -Be 'running' -Because 'the next target was still started'
    }
}
