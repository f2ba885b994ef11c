#Requires -Version 7.2
# New-OciContainer on Docker and Podman: every spec parameter, -WhatIf, refusals before anything is sent.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    Get-OciConnection | Disconnect-OciEngine
    $docker, $podman = Connect-BothEngines -Prefix newctr
    $run = [guid]::NewGuid().ToString('N')
}

AfterAll {
    foreach ($c in $docker, $podman) { Remove-TestContainers -Run $run -Connection $c }
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'New-OciContainer' {
    It 'creates a container with every spec parameter on <Name>' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $c = if ($Name -eq 'Docker') { $docker } else { $podman }
        $name = New-TestContainerName
        $created = New-OciContainer $Small 'sh', '-c', 'sleep 60' -Name $name -Entrypoint /bin/busybox -Environment @{ MODE = 'test'; LEVEL = 3 } `
            -Label @{ $ContainerLabel = $run; team = 'ops' } -WorkingDirectory /tmp -User 1000 -Network none `
            -Mount @{ Type = 'Tmpfs'; Target = '/scratch' }, @{ Type = 'Volume'; Target = '/vol' } -Publish 127.0.0.1:18081:80 `
            -RestartPolicy on-failure -MaximumRetryCount 2 -Memory 64MB -Cpus 0.5 -PullPolicy Missing -Connection $c
        $created.GetType().FullName | Should -Be 'Oci.OciContainer'
        $created.Connection | Should -Be $c
        $created.State | Should -Be 'created'
        $created.Name | Should -Be $name
        $created.Command | Should -Be @('/bin/busybox', 'sh', '-c', 'sleep 60')
        $created.Environment | Should -Contain 'MODE=test'
        $created.Environment | Should -Contain 'LEVEL=3'
        $created.Labels['team'] | Should -Be 'ops'
        $created.WorkingDirectory, $created.User, $created.NetworkMode | Should -Be '/tmp', '1000', 'none'
        $created.RestartPolicy, $created.MemoryLimit, $created.Cpus | Should -Be 'on-failure', 64MB, 0.5
        @($created.Mounts | Where-Object { $_.Target -eq '/scratch' }).Type | Should -Be 'Tmpfs'
        @($created.Mounts | Where-Object { $_.Target -eq '/vol' }).Type | Should -Be 'Volume'
        if ($Name -eq 'Docker') { "$($created.Ports)" | Should -Be '127.0.0.1:18081->80/tcp' } # Podman drops ports of a container without a network
    }

    It '-WhatIf creates nothing' {
        $name = New-TestContainerName
        $out = New-OciContainer $Small -Name $name -Label @{ $ContainerLabel = $run } -Connection $docker, $podman -WhatIf
        @($out).Count | Should -Be 0
        @(Get-OciContainer -All -Label "$ContainerLabel=$run" -Connection $docker, $podman | Where-Object Name -eq $name).Count | Should -Be 0
    }

    It 'refuses malformed values by name before anything is sent' {
        { New-OciContainer $Small -Publish 'not-a-port' -Connection $docker -ErrorAction Stop } | Should -Throw -ErrorId 'Oci.InvalidArgument,Oci.PowerShell.NewOciContainer'
        New-OciContainer $Small -Name 'bad/name' -Connection $docker -ErrorVariable ev -ErrorAction SilentlyContinue
        $ev[0].FullyQualifiedErrorId | Should -Be 'Oci.InvalidArgument,Oci.PowerShell.NewOciContainer'
        $ev[0].Exception.Message | Should -Match "'bad/name'"
        New-OciContainer 'UPPER:bad:ref' -Connection $docker -ErrorVariable bad -ErrorAction SilentlyContinue
        $bad[0].FullyQualifiedErrorId | Should -Be 'Oci.InvalidReference,Oci.PowerShell.NewOciContainer'
        New-OciContainer "$Registry/no-such-image:latest" -Connection $docker -ErrorVariable missing -ErrorAction SilentlyContinue
        $missing[0].FullyQualifiedErrorId | Should -Be 'Oci.ImageNotFound,Oci.PowerShell.NewOciContainer'
        $missing[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}
