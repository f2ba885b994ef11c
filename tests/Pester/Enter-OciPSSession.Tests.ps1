#Requires -Version 7.2
# Enter-OciPSSession on Docker and Podman. Entering needs the console host's input loop, so the interactive tests drive a
# child pwsh through its standard input (pwsh -Command -): the same host, prompt loop and Exit-PSSession a user has,
# with the lines typed ahead.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    Get-OciConnection | Disconnect-OciEngine
    $docker, $podman = Connect-BothEngines -Prefix enterps
    $run = [guid]::NewGuid().ToString('N')
    $web = @{ Docker = New-PwshTestContainer -Connection $docker -Run $run; Podman = New-PwshTestContainer -Connection $podman -Run $run }
    $conn = @{ Docker = $docker; Podman = $podman }

    function Invoke-TypedPwsh {
        # A child pwsh reading its commands from standard input, as typed at its prompt; returns what it wrote (stdout and stderr).
        param([Parameter(Mandatory)] [string[]] $Lines, [double] $Guard = 180)
        $command = @(Get-PwshCommand)
        $start = [Diagnostics.ProcessStartInfo]::new($command[0])
        foreach ($a in @($command | Select-Object -Skip 1) + @('-NoProfile', '-NoLogo', '-Command', '-')) { $start.ArgumentList.Add($a) }
        $start.RedirectStandardInput = $true
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $start.UseShellExecute = $false
        $p = [Diagnostics.Process]::Start($start)
        try {
            $stdout = $p.StandardOutput.ReadToEndAsync()
            $stderr = $p.StandardError.ReadToEndAsync()
            $p.StandardInput.Write(($Lines -join "`n") + "`n")
            $p.StandardInput.Close()
            if (-not $p.WaitForExit([int]($Guard * 1000))) { throw "The typed pwsh did not finish within $Guard s." }
            # Terminal mode switches the host writes (DECCKM) are not text.
            (($stdout.Result + $stderr.Result) -replace "`e\[\?1[hl]", '') -split "`r?`n"
        }
        finally {
            if (-not $p.HasExited) { $p.Kill($true) }
            $p.Dispose()
        }
    }
}

AfterAll {
    foreach ($c in $docker, $podman) { Remove-TestContainers -Run $run -Connection $c }
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Enter-OciPSSession' {
    It 'enters the container, runs what is typed there, and closes the session on Exit-PSSession, on <Name>' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $ctr = $web[$Name]
        $out = Invoke-TypedPwsh @(
            "Import-Module '$ModulePath' -ErrorAction Stop"
            "`$c = Connect-OciEngine -Endpoint '$($conn[$Name].Endpoint)' -ErrorAction Stop"
            "'home: ' + [Environment]::MachineName"
            "Get-OciContainer '$($ctr.Name)' -Connection `$c | Enter-OciPSSession"
            "'inside: ' + [Environment]::MachineName + ' ' + `$PSVersionTable.PSVersion"
            "'inside again: ' + (Get-Item /opt/pwsh/pwsh.dll).Name"
            'Exit-PSSession'
            # The host reads one line ahead while it leaves the session, and drops it (pwsh does so for any session).
            "'dropped by the host'"
            "'back: ' + [Environment]::MachineName"
            # Closing is asynchronous: wait (bounded) for the session to settle.
            "`$w = [Diagnostics.Stopwatch]::StartNew(); while ((Get-PSSession).State -contains 'Closing' -and `$w.Elapsed.TotalSeconds -lt 60) { Start-Sleep -Milliseconds 50 }"
            "'sessions: ' + ((Get-PSSession | ForEach-Object { `$_.ComputerName + '=' + `$_.State }) -join ',')"
        )
        $text = $out -join "`n"
        $out | Should -Contain ('home: ' + [Environment]::MachineName) -Because $text
        $out | Should -Contain ('inside: ' + $ctr.Id.Substring(0, 12) + ' 7.6.9') -Because $text
        $out | Should -Contain 'inside again: pwsh.dll' -Because $text
        $out | Should -Contain ('back: ' + [Environment]::MachineName) -Because $text
        $out | Should -Contain "sessions: $($ctr.Name)=Closed" -Because "leaving closes the session ($text)"
        Wait-Until { @(Get-PwshServerProcess $ctr.Name -Connection $conn[$Name]).Count -eq 0 } -Seconds 60 -Because 'pwsh in the container to end once the session is left'
    }

    It 'lets Enter-PSSession enter a session of New-OciPSSession, which stays open after Exit-PSSession' {
        $ctr = $web.Docker
        $out = Invoke-TypedPwsh @(
            "Import-Module '$ModulePath' -ErrorAction Stop"
            "`$c = Connect-OciEngine -Endpoint '$($docker.Endpoint)' -ErrorAction Stop"
            "`$s = New-OciPSSession '$($ctr.Name)' -Connection `$c -Name kept"
            'Enter-PSSession $s'
            "'inside: ' + [Environment]::MachineName"
            'Exit-PSSession'
            "'dropped by the host'"
            "'kept: ' + `$s.State + ' ' + (Invoke-Command `$s { [Environment]::MachineName })"
            'Remove-PSSession $s'
        )
        $text = $out -join "`n"
        $out | Should -Contain ('inside: ' + $ctr.Id.Substring(0, 12)) -Because $text
        $out | Should -Contain ('kept: Opened ' + $ctr.Id.Substring(0, 12)) -Because $text
    }

    It 'reports why it cannot enter, and leaves nothing open: no pwsh, a stopped container' {
        $plain = New-LabelledTestContainer -Connection $podman -Run $run -Script 'sleep 600'
        Enter-OciPSSession $plain.Name -Connection $podman -ErrorVariable ev -ErrorAction SilentlyContinue
        $ev.Count | Should -Be 1
        $ev[0].FullyQualifiedErrorId, $ev[0].CategoryInfo.Category, $ev[0].TargetObject | Should -Be 'Oci.NotFound,Oci.PowerShell.EnterOciPSSession', 'ObjectNotFound', $plain.Name
        $stopped = New-PwshTestContainer -Connection $docker -Run $run
        Stop-OciContainer $stopped.Name -Timeout 0 -Connection $docker
        $stopped | Enter-OciPSSession -ErrorVariable ev2 -ErrorAction SilentlyContinue
        $ev2[0].FullyQualifiedErrorId, $ev2[0].CategoryInfo.Category | Should -Be 'Oci.Conflict,Oci.PowerShell.EnterOciPSSession', 'ResourceBusy'
    }

    It 'refuses a host without interactive sessions with Oci.Unsupported, before opening anything' {
        $rs = New-TestRunspace
        try {
            $r = Invoke-InRunspace $rs {
                param($Name)
                $c = Connect-OciEngine -Endpoint $Endpoint
                Enter-OciPSSession $Name -Connection $c
            } @{ Name = $web.Docker.Name }
            $r.AllErrors.Count | Should -Be 1
            $r.AllErrors[0].FullyQualifiedErrorId | Should -Be 'Oci.Unsupported,Oci.PowerShell.EnterOciPSSession'
            $r.AllErrors[0].CategoryInfo.Category | Should -Be 'NotImplemented'
            $r.AllErrors[0].TargetObject | Should -Be $web.Docker.Name
            "$($r.AllErrors[0])" | Should -BeLike 'This host (*) cannot enter sessions*Invoke-OciCommand.'
            @(Get-PwshServerProcess $web.Docker.Name -Connection $docker).Count | Should -Be 0
        }
        finally { $rs.Dispose() }
    }

    It 'enters one container on one engine: several connections are Oci.InvalidArgument' {
        { Enter-OciPSSession $web.Docker.Name -Connection $docker, $podman -ErrorAction Stop } | Should -Throw -ErrorId 'Oci.InvalidArgument,Oci.PowerShell.EnterOciPSSession'
    }

    It 'opens nothing with -WhatIf' {
        Enter-OciPSSession $web.Docker.Name -Connection $docker -WhatIf
        @(Get-PwshServerProcess $web.Docker.Name -Connection $docker).Count | Should -Be 0
    }
}
