#Requires -Version 7.2
# Resume-OciContainer on Docker and Podman.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    Get-OciConnection | Disconnect-OciEngine
    $docker, $podman = Connect-BothEngines -Prefix resumectr
    $run = [guid]::NewGuid().ToString('N')
}

AfterAll {
    foreach ($c in $docker, $podman) { Remove-TestContainers -Run $run -Connection $c }
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Resume-OciContainer' {
    It 'resumes the paused containers of both engines from the pipeline' {
        $d = New-LabelledTestContainer -Connection $docker -Run $run | Suspend-OciContainer -PassThru
        $p = New-LabelledTestContainer -Connection $podman -Run $run | Suspend-OciContainer -PassThru
        Get-OciContainer -Status paused -Label "$ContainerLabel=$run" -Connection $docker, $podman | Resume-OciContainer -WhatIf
        @(Get-OciContainer -Status paused -Label "$ContainerLabel=$run" -Connection $docker, $podman).Count | Should -Be 2
        $out = @(Get-OciContainer -Status paused -Label "$ContainerLabel=$run" -Connection $docker, $podman | Resume-OciContainer -PassThru)
        $out.State | Should -Be @('running', 'running')
        $d.Name, $p.Name | Should -BeIn $out.Name
    }
}
