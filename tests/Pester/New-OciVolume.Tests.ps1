#Requires -Version 7.2
# New-OciVolume on Docker and Podman: driver options and labels, the volume written with its connection, -WhatIf, errors.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    Get-OciConnection | Disconnect-OciEngine
    $docker, $podman = Connect-BothEngines -Prefix newvol
    $run = [guid]::NewGuid().ToString('N').Substring(0, 10)
}

AfterAll {
    Get-OciVolume "newvol-$run*" -Connection $docker, $podman | Remove-OciVolume -Force
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'New-OciVolume' {
    It 'creates a volume with driver options and labels on <Name>' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $c = if ($Name -eq 'Docker') { $docker } else { $podman }
        $v = New-OciVolume "newvol-$run-a" -DriverOption @{ type = 'tmpfs'; device = 'tmpfs' } -Label @{ team = 'web' } -Connection $c
        $v.GetType().FullName | Should -Be 'Oci.OciVolume'
        ($v.Name, $v.Driver, $v.Labels['team'], $v.Options['type']) | Should -Be @("newvol-$run-a", 'local', 'web', 'tmpfs')
        $v.Connection | Should -Be $c
    }

    It 'creates several from the pipeline; -WhatIf creates nothing' {
        "newvol-$run-b", "newvol-$run-c" | New-OciVolume -Connection $docker | Should -HaveCount 2
        $text = Get-WhatIfText { New-OciVolume "newvol-$run-d" -Connection $podman -WhatIf }
        $text | Should -BeLike "*What if: Performing the operation ""Create volume"" on target ""newvol-$run-d on newvol-podman*"
        @(Get-OciVolume "newvol-$run-d" -Connection $podman -ErrorAction SilentlyContinue).Count | Should -Be 0
    }

    It 'a malformed name is a non-terminating Oci.InvalidArgument naming it; a bad -Label is refused before anything is sent' {
        New-OciVolume 'bad name', "newvol-$run-e" -Connection $docker -ErrorVariable ev -ErrorAction SilentlyContinue | Should -HaveCount 1
        $ev[0].FullyQualifiedErrorId | Should -Be 'Oci.InvalidArgument,Oci.PowerShell.NewOciVolume'
        $ev[0].TargetObject | Should -Be 'bad name'
        { New-OciVolume "newvol-$run-f" -Label @{ x = @(1, 2) } -Connection $docker -ErrorAction Stop } | Should -Throw -ErrorId 'Oci.InvalidArgument,Oci.PowerShell.NewOciVolume'
    }
}
