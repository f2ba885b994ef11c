#Requires -Version 7.2
# Invoke-OciCommand on Docker and Podman: a script block in pwsh inside containers, in a session opened for it and closed after.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    Get-OciConnection | Disconnect-OciEngine
    Get-PSSession | Remove-PSSession
    $docker, $podman = Connect-BothEngines -Prefix ocicommand
    $run = [guid]::NewGuid().ToString('N')
    $web = @{ Docker = New-PwshTestContainer -Connection $docker -Run $run; Podman = New-PwshTestContainer -Connection $podman -Run $run }
    $conn = @{ Docker = $docker; Podman = $podman }
}

AfterAll {
    foreach ($c in $docker, $podman) { Remove-TestContainers -Run $run -Connection $c }
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Invoke-OciCommand' {
    It 'runs a script block in the container with -ArgumentList and $using:, and closes its session, on <Name>' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $greeting = 'grüß dich'
        $out = @(Invoke-OciCommand $web[$Name].Name -Connection $conn[$Name] -ScriptBlock {
                param($a, $b)
                "$using:greeting $a+$b"
                [pscustomobject]@{ Host = [Environment]::MachineName; Version = $PSVersionTable.PSVersion.ToString() }
            } -ArgumentList 1, 'zwei')
        $out[0] | Should -Be 'grüß dich 1+zwei'
        $out[1].Host | Should -Be $web[$Name].Id.Substring(0, 12)
        $out[1].Version | Should -Be '7.6.9'
        $out[1].PSComputerName | Should -Be $web[$Name].Name
        @(Get-PSSession).Count | Should -Be 0 -Because 'the session is not listed, and is closed after'
        Wait-Until { @(Get-PwshServerProcess $web[$Name].Name -Connection $conn[$Name]).Count -eq 0 } -Seconds 60 -Because 'pwsh to end when the one-shot session closes'
    }

    It 'runs in every container from the pipeline, each on its own engine, with the script block named or first by position' {
        $ids = @(@($web.Docker.Id.Substring(0, 12), $web.Podman.Id.Substring(0, 12)) | Sort-Object)
        $named = @(Get-OciContainer -Label "$ContainerLabel=$run" -Connection $docker, $podman | Invoke-OciCommand -ScriptBlock { [Environment]::MachineName })
        @($named | Sort-Object) | Should -Be $ids
        @($named.PSComputerName | Sort-Object) | Should -Be @(@($web.Docker.Name, $web.Podman.Name) | Sort-Object)
        # By position the script block must reach the containers, not run here as a delay-bind script block per input.
        $positional = @(Get-OciContainer -Label "$ContainerLabel=$run" -Connection $docker, $podman | Invoke-OciCommand { [Environment]::MachineName })
        @($positional | Sort-Object) | Should -Be $ids
        $web.Podman.Name | Invoke-OciCommand { [Environment]::MachineName } -Connection $podman | Should -Be $web.Podman.Id.Substring(0, 12)
    }

    It 'refuses pipeline input that is not a container or a name, per item, and goes on' {
        $out = @(42, $web.Docker.Name | Invoke-OciCommand { 'ran' } -Connection $docker -ErrorVariable ev -ErrorAction SilentlyContinue)
        $out | Should -Be 'ran'
        $ev.Count | Should -Be 1
        $ev[0].FullyQualifiedErrorId | Should -Be 'Oci.InvalidArgument,Oci.PowerShell.InvokeOciCommand'
        $ev[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $ev[0].TargetObject | Should -Be 42
    }

    It 'writes the container''s errors and information as its own, so -ErrorAction and -ErrorVariable apply' {
        $out = Invoke-OciCommand $web.Podman.Name -Connection $podman -ScriptBlock {
            Write-Error 'remote ✗' -ErrorId Remote.Err
            Write-Information 'note ✓'
            'after'
        } -ErrorVariable ev -ErrorAction SilentlyContinue -InformationVariable iv
        $out | Should -Be 'after'
        $ev.Count | Should -Be 1
        "$($ev[0])" | Should -Be 'remote ✗'
        $ev[0].FullyQualifiedErrorId | Should -Be 'Remote.Err'
        $ev[0].OriginInfo.PSComputerName | Should -Be $web.Podman.Name
        "$iv" | Should -Be 'note ✓'
        { Invoke-OciCommand $web.Podman.Name -Connection $podman -ScriptBlock { throw 'stop here' } -ErrorAction Stop } | Should -Throw 'stop here'
    }

    It 'names containers it cannot open a session in and goes on: Oci.ContainerNotFound, Oci.NotFound without pwsh' {
        $plain = New-LabelledTestContainer -Connection $docker -Run $run -Script 'sleep 600'
        $missing = 'no-such-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        $out = @(Invoke-OciCommand $missing, $plain.Name, $web.Docker.Name -Connection $docker -ScriptBlock { 'ran' } -ErrorVariable ev -ErrorAction SilentlyContinue)
        $out | Should -Be 'ran'
        $ev.Count | Should -Be 2
        $ev[0].FullyQualifiedErrorId, $ev[0].TargetObject | Should -Be 'Oci.ContainerNotFound,Oci.PowerShell.InvokeOciCommand', $missing
        $ev[1].FullyQualifiedErrorId, $ev[1].TargetObject, $ev[1].CategoryInfo.Category | Should -Be 'Oci.NotFound,Oci.PowerShell.InvokeOciCommand', $plain.Name, 'ObjectNotFound'
    }

    It 'stops within a moment on Ctrl+C and leaves no pwsh in the container' {
        $rs = New-TestRunspace
        try {
            $null = Invoke-InRunspace $rs { $global:c = Connect-OciEngine -Endpoint $Endpoint }
            $script = [scriptblock]::Create("Invoke-OciCommand $($web.Docker.Name) -Connection `$global:c -ScriptBlock { 'started'; Start-Sleep -Seconds 600; 'never' }")
            $stopped = Stop-InRunspace $rs $script -Ready { param($out) $out.Count -gt 0 }
            $stopped.Elapsed.TotalSeconds | Should -BeLessThan 10 -Because 'a hang guard: Ctrl+C stops the remote command within a moment'
            $stopped.State | Should -Be 'Stopped'
            $stopped.Output | Should -Be 'started'
            Wait-Until { @(Get-PwshServerProcess $web.Docker.Name -Connection $docker).Count -eq 0 } -Seconds 60 -Because 'pwsh to end once the stopped session closed'
        }
        finally { $rs.Dispose() }
    }

    It 'runs nothing with -WhatIf' {
        Invoke-OciCommand $web.Docker.Name -Connection $docker -ScriptBlock { New-Item /tmp/whatif-ran } -WhatIf | Should -BeNullOrEmpty
        (Invoke-OciContainerCommand $web.Docker.Name 'ls', '/tmp/whatif-ran' -Connection $docker).ExitCode | Should -Not -Be 0
    }
}
