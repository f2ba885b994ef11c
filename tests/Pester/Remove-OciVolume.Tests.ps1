#Requires -Version 7.2
# Remove-OciVolume on Docker and Podman: by name, from Get-OciVolume to each volume's engine, in use is Oci.Conflict
# unless -Force, errors per target, -WhatIf.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    Get-OciConnection | Disconnect-OciEngine
    $docker, $podman = Connect-BothEngines -Prefix rmvol
    $run = [guid]::NewGuid().ToString('N').Substring(0, 10)
    foreach ($c in $docker, $podman) { $null = Invoke-OciPull $Small -Connection $c -ErrorAction Stop }
}

AfterAll {
    Get-OciVolume "rmvol-$run*" -Connection $docker, $podman | Remove-OciVolume -Force
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Remove-OciVolume' {
    It 'removes volumes piped from Get-OciVolume from the engine each came from' {
        foreach ($c in $docker, $podman) { $null = New-OciVolume "rmvol-$run-a" -Connection $c }
        Get-OciVolume "rmvol-$run-a" -Connection $docker, $podman | Remove-OciVolume
        @(Get-OciVolume "rmvol-$run-a" -Connection $docker, $podman -ErrorAction SilentlyContinue).Count | Should -Be 0
    }

    It 'a volume a container uses on <Name> is Oci.Conflict; -Force removes it once the container is gone' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $c = if ($Name -eq 'Docker') { $docker } else { $podman }
        $vol = "rmvol-$run-used-$Name"
        $null = New-OciVolume $vol -Connection $c
        $container = New-TestContainer $c $Small -Binds "${vol}:/data" -NoStart
        try {
            Remove-OciVolume $vol -Connection $c -ErrorVariable ev -ErrorAction SilentlyContinue
            $ev[0].FullyQualifiedErrorId | Should -Be 'Oci.Conflict,Oci.PowerShell.RemoveOciVolume'
            $ev[0].CategoryInfo.Category | Should -Be 'ResourceBusy'
            $ev[0].TargetObject | Should -Be $vol
        }
        finally { Remove-TestContainer $c $container }
        Remove-OciVolume $vol -Force -Connection $c
        @(Get-OciVolume $vol -Connection $c -ErrorAction SilentlyContinue).Count | Should -Be 0
    }

    It 'a missing volume is a non-terminating Oci.VolumeNotFound and the next is still removed; -WhatIf removes nothing' {
        $null = New-OciVolume "rmvol-$run-b" -Connection $docker
        $text = Get-WhatIfText { Remove-OciVolume "rmvol-$run-b" -Connection $docker -WhatIf }
        $text | Should -BeLike "*What if: Performing the operation ""Remove volume"" on target ""rmvol-$run-b on rmvol-docker*"
        Remove-OciVolume "rmvol-$run-none", "rmvol-$run-b" -Connection $docker -ErrorVariable ev -ErrorAction SilentlyContinue
        $ev.Count | Should -Be 1
        $ev[0].FullyQualifiedErrorId | Should -Be 'Oci.VolumeNotFound,Oci.PowerShell.RemoveOciVolume'
        $ev[0].TargetObject | Should -Be "rmvol-$run-none"
        @(Get-OciVolume "rmvol-$run-b" -Connection $docker -ErrorAction SilentlyContinue).Count | Should -Be 0
    }
}
