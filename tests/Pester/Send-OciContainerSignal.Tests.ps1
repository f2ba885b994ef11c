#Requires -Version 7.2
# Send-OciContainerSignal on Docker and Podman.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    Get-OciConnection | Disconnect-OciEngine
    $docker, $podman = Connect-BothEngines -Prefix killctr
    $run = [guid]::NewGuid().ToString('N')
}

AfterAll {
    foreach ($c in $docker, $podman) { Remove-TestContainers -Run $run -Connection $c }
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Send-OciContainerSignal' {
    It 'kills a container on <Name> (SIGKILL by default) and sends other signals to its process' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $c = if ($Name -eq 'Docker') { $docker } else { $podman }
        $ctr = New-LabelledTestContainer -Connection $c -Run $run
        Send-OciContainerSignal $ctr.Name -Connection $c -Confirm:$false
        Wait-OciContainer $ctr.Name -Connection $c | Should -Be 137
        $usr = New-LabelledTestContainer -Connection $c -Run $run -Script "trap 'exit 42' USR1; while true; do sleep 0.2; done"
        $usr | Send-OciContainerSignal -Signal USR1 -Confirm:$false
        Wait-OciContainer $usr.Name -Connection $c | Should -Be 42
    }

    It 'has a High confirm impact; -WhatIf sends nothing; a name that is not a signal is refused before anything is sent' {
        (Get-Command Send-OciContainerSignal).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
        $ctr = New-LabelledTestContainer -Connection $docker -Run $run
        Send-OciContainerSignal $ctr.Name -Connection $docker -WhatIf
        (Get-OciContainer $ctr.Name -Connection $docker).State | Should -Be 'running'
        Send-OciContainerSignal $ctr.Name -Signal NOPE -Connection $docker -Confirm:$false -ErrorVariable ev -ErrorAction SilentlyContinue
        $ev[0].FullyQualifiedErrorId | Should -Be 'Oci.InvalidArgument,Oci.PowerShell.SendOciContainerSignal'
        (Get-OciContainer $ctr.Name -Connection $docker).State | Should -Be 'running'
    }
}
