#Requires -Version 7.2
# Connect-OciEngine without -Endpoint finds the engine as docker and podman do, for real, in a temporary HOME,
# DOCKER_CONFIG and XDG_RUNTIME_DIR whose sockets are symlinks to the test bed's engines. These tests change the
# process environment: Pester runs files one after another, never two of these at once.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop

    function Split-Streams {
        # Runs $Script with verbose (4) and warning (3) records merged into the output, and splits them again.
        param([scriptblock] $Script)
        $all = @(& $Script 4>&1 3>&1)
        [pscustomobject]@{
            Output   = @($all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] -and $_ -isnot [System.Management.Automation.WarningRecord] })
            Verbose  = @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
            Warnings = @($all | Where-Object { $_ -is [System.Management.Automation.WarningRecord] } | ForEach-Object Message)
        }
    }
}

AfterAll {
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Endpoint discovery' {
    BeforeEach {
        Disconnect-OciEngine -All
        $box = New-TestSandbox
    }

    AfterEach {
        Disconnect-OciEngine -All
        Remove-TestSandbox $box
    }

    It 'DOCKER_HOST wins over a context and the rootless sockets' {
        $dockerHost = Add-DockerLink $box 'dh/docker.sock'
        $env:DOCKER_HOST = $dockerHost
        $null = Write-SandboxContext $box 'oci-podman' (Add-PodmanLink $box 'ctx/podman.sock')
        $null = Write-SandboxConfig $box '{"currentContext":"oci-podman"}'
        $null = Add-PodmanLink $box 'xdg/podman/podman.sock'
        $r = Split-Streams { Connect-OciEngine -Verbose -ErrorAction Stop }
        $r.Output.Count | Should -Be 1
        $c = $r.Output[0]
        $c.Source | Should -Be 'DOCKER_HOST'
        $c.Endpoint | Should -Be $dockerHost
        $c.Engine | Should -Be 'Docker'
        $c.Driver | Should -Be 'docker'
        $c.Tls | Should -BeFalse
        $c.Connected | Should -BeTrue
        @($r.Verbose | Where-Object { $_.StartsWith("[1/1] DOCKER_HOST: ${dockerHost}: Docker answered") }).Count | Should -Be 1
        $r.Warnings.Count | Should -Be 0
    }

    It 'a currentContext wins over the defaults and picks the podman driver' {
        $context = Add-PodmanLink $box 'ctx/podman.sock'
        $null = Write-SandboxContext $box 'oci-podman' $context
        $null = Write-SandboxConfig $box '{"currentContext":"oci-podman"}'
        $null = Add-DockerLink $box 'xdg/docker.sock'
        $r = Split-Streams { Connect-OciEngine -Verbose -ErrorAction Stop }
        $r.Output.Count | Should -Be 1
        $c = $r.Output[0]
        $c.Source | Should -Be "context 'oci-podman'"
        $c.Endpoint | Should -Be $context
        $c.Engine | Should -Be 'Podman'
        $c.Driver | Should -Be 'podman'
        @($r.Verbose | Where-Object { $_.Contains("context 'oci-podman' (currentContext in $($box.Config)") -and $_.Contains('Podman answered') }).Count | Should -Be 1
        # Names are never reused within a session, so the row is found by this connection's name (not 'oci1').
        $row = @(($c | Format-Table | Out-String -Width 160) -split "`r?`n" | Where-Object { $_.StartsWith("$($c.Name) ") })
        $row.Count | Should -Be 1
        $row[0] | Should -BeLike "*context 'oci-podman'*"
    }

    It 'DOCKER_CONTEXT overrides currentContext' {
        $null = Write-SandboxContext $box 'ctx-a' (Add-PodmanLink $box 'a/podman.sock')
        $b = Add-DockerLink $box 'b/docker.sock'
        $null = Write-SandboxContext $box 'ctx-b' $b
        $null = Write-SandboxConfig $box '{"currentContext":"ctx-a"}'
        $env:DOCKER_CONTEXT = 'ctx-b'
        $r = Split-Streams { Connect-OciEngine -Verbose -ErrorAction Stop }
        $c = $r.Output[0]
        $c.Source | Should -Be "context 'ctx-b'"
        $c.Endpoint | Should -Be $b
        $c.Engine | Should -Be 'Docker'
        @($r.Verbose | Where-Object { $_.Contains("context 'ctx-b' (DOCKER_CONTEXT)") }).Count | Should -BeGreaterThan 0
        @($r.Verbose | Where-Object { $_.Contains('ctx-a') }).Count | Should -Be 0
    }

    It 'a rootless docker socket (<socket>) is found before podman' -TestCases @(
        @{ socket = 'xdg/docker.sock' }
        @{ socket = 'home/.docker/run/docker.sock' }
    ) {
        param($socket)
        $ep = Add-DockerLink $box $socket
        $null = Add-PodmanLink $box 'xdg/podman/podman.sock'
        $c = Connect-OciEngine -ErrorAction Stop
        $c.Source | Should -Be 'rootless docker'
        $c.Endpoint | Should -Be $ep
        $c.Engine | Should -Be 'Docker'
        $c.Driver | Should -Be 'docker'
    }

    It 'only podman rootless: connects to Podman, -Verbose lists every place tried, and a pull shows layers' {
        $podman = Add-PodmanLink $box 'xdg/podman/podman.sock'
        $unique = New-TestImageTag -Name small
        $r = Split-Streams { Connect-OciEngine -Verbose -ErrorAction Stop }
        $c = $r.Output[0]
        $c.Source | Should -Be 'podman rootless'
        $c.Endpoint | Should -Be $podman
        $c.Engine | Should -Be 'Podman'
        $c.Driver | Should -Be 'podman'
        $tried = @($r.Verbose | Where-Object { $_.StartsWith('[') })
        $tried.Count | Should -Be 5
        $tried[0] | Should -BeLike '[[]1/5] platform default: unix:///var/run/docker.sock: skipped: no socket*'
        $tried[1].StartsWith("[2/5] rootless docker (`$XDG_RUNTIME_DIR): unix://$($box.Xdg)/docker.sock: skipped: no socket") | Should -BeTrue
        $tried[2].StartsWith("[3/5] rootless docker (~/.docker/run): unix://$($box.Home)/.docker/run/docker.sock: skipped: no socket") | Should -BeTrue
        $tried[3] | Should -BeLike '[[]4/5] podman rootful: unix:///run/podman/podman.sock: skipped: no socket*'
        $tried[4].StartsWith("[5/5] podman rootless (`$XDG_RUNTIME_DIR): ${podman}: Podman answered; connected through the podman driver") | Should -BeTrue

        $rs = New-TestRunspace
        try {
            $p = Invoke-InRunspace $rs { param($c, $u) Invoke-OciPull $u -Connection $c; Invoke-OciRequest -Method REMOVE -Target $u -Connection $c | Out-Null } @{ c = $c; u = $unique }
            $p.Errors.Count | Should -Be 0
            $p.Output.Count | Should -Be 1
            $p.Output[0].Engine | Should -Be 'Podman'
            $parent = $p.Progress[0].ActivityId
            @($p.Progress | Where-Object { $_.ParentActivityId -eq $parent -and $_.Activity -like 'Layer *' }).Count | Should -BeGreaterThan 0
        }
        finally { $rs.Dispose() }
    }

    It '-Driver docker on the podman socket uses the docker driver' {
        $null = Add-PodmanLink $box 'xdg/podman/podman.sock'
        $c = Connect-OciEngine -Driver docker -ErrorAction Stop
        $c.Driver | Should -Be 'docker'
        $c.Engine | Should -Be 'Podman'
        $c.Source | Should -Be 'podman rootless'
        (Invoke-OciRequest -Method PING).Status | Should -Be 'OK'
    }

    It 'nothing answering is one error listing every place tried, and fast' {
        $dead = New-DeadSocket $box 'dead/docker.sock'
        $env:DOCKER_HOST = $dead
        $env:DOCKER_CONTEXT = 'gone'
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $r = Split-Streams { try { Connect-OciEngine -Verbose -ErrorAction Stop } catch { $_ } }
        $watch.Stop()
        $errors = @($r.Output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $errors.Count | Should -Be 1
        @($r.Output | Where-Object { $_ -is [Oci.PowerShell.OciConnection] }).Count | Should -Be 0
        $e = $errors[0]
        $e.FullyQualifiedErrorId | Should -Be 'Oci.EngineUnavailable,Oci.PowerShell.ConnectOciEngine'
        $e.CategoryInfo.Category | Should -Be 'ConnectionError'
        $message = "$e"
        foreach ($place in @(
                "DOCKER_HOST: $dead", "context 'gone' (DOCKER_CONTEXT)", 'platform default: unix:///var/run/docker.sock',
                "rootless docker (`$XDG_RUNTIME_DIR): unix://$($box.Xdg)/docker.sock", "rootless docker (~/.docker/run): unix://$($box.Home)/.docker/run/docker.sock",
                'podman rootful: unix:///run/podman/podman.sock', "podman rootless (`$XDG_RUNTIME_DIR): unix://$($box.Xdg)/podman/podman.sock")) {
            $message.Contains($place) | Should -BeTrue -Because "the error lists $place"
        }
        @($message -split "`n" | Where-Object { $_.StartsWith('  - ') }).Count | Should -Be 7
        @($r.Verbose | Where-Object { $_.StartsWith('[') }).Count | Should -Be 7
        # Fast means refused at once, not waited out (the reasons say so); the clock is only a hang guard (ms expected).
        $message | Should -Not -BeLike '*did not answer*'
        $watch.Elapsed | Should -BeLessThan ([timespan]::FromSeconds(10)) -Because 'nothing may hang'
        @(Get-OciConnection).Count | Should -Be 0
    }

    It 'an ssh:// DOCKER_HOST that refuses is passed over for an engine further down, with a warning' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        $closed = "ssh://oci@127.0.0.1:$($listener.LocalEndpoint.Port)"
        $listener.Stop()
        $env:DOCKER_HOST = $closed
        $null = Add-PodmanLink $box 'xdg/podman/podman.sock'
        $r = Split-Streams { Connect-OciEngine -ErrorAction Stop }
        $r.Output[0].Source | Should -Be 'podman rootless'
        $r.Warnings.Count | Should -Be 1
        $r.Warnings[0] | Should -BeLike "*DOCKER_HOST ($closed) was passed over*connection refused*"
    }

    It 'an explicit endpoint is the only place tried, and the driver follows the engine' {
        $podman = Add-PodmanLink $box 'xdg/podman/podman.sock'
        $e = { Connect-OciEngine -Endpoint $DeadEndpoint -ErrorAction Stop } | Should -Throw -ErrorId 'Oci.EngineUnavailable,Oci.PowerShell.ConnectOciEngine' -PassThru
        "$e" | Should -BeLike '*one place tried*'
        # Case-sensitive: the closing advice says "Docker or Podman"; no podman place may be listed.
        "$e" | Should -Not -BeLikeExactly '*podman*'
        $c = Connect-OciEngine -Endpoint $podman -ErrorAction Stop
        $c.Source | Should -Be 'explicit'
        $c.Engine | Should -Be 'Podman'
        $c.Driver | Should -Be 'podman'
    }

    It '-Endpoint completes with the discovery candidates, source as tooltip; wildcards filter' {
        $dead = New-DeadSocket $box 'dead/docker.sock'
        $env:DOCKER_HOST = $dead
        $podman = Add-PodmanLink $box 'xdg/podman/podman.sock'
        $complete = {
            param($line)
            @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object { $_.CompletionText + ' | ' + $_.ToolTip })
        }
        & $complete 'Connect-OciEngine -Endpoint ' | Should -Be @(
            "$dead | DOCKER_HOST"
            'unix:///var/run/docker.sock | platform default (no socket there now)'
            "unix://$($box.Xdg)/docker.sock | rootless docker (`$XDG_RUNTIME_DIR) (no socket there now)"
            "unix://$($box.Home)/.docker/run/docker.sock | rootless docker (~/.docker/run) (no socket there now)"
            'unix:///run/podman/podman.sock | podman rootful (no socket there now)'
            "$podman | podman rootless (`$XDG_RUNTIME_DIR)"
        )
        & $complete 'Connect-OciEngine -Endpoint *podman*' | Should -Be @(
            'unix:///run/podman/podman.sock | podman rootful (no socket there now)'
            "$podman | podman rootless (`$XDG_RUNTIME_DIR)"
        )
        & $complete 'Connect-OciEngine unix:///run/' | Should -Be @('unix:///run/podman/podman.sock | podman rootful (no socket there now)')
    }

    It '-Driver completes with the registered drivers' {
        $complete = { param($line) @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object CompletionText) }
        & $complete 'Connect-OciEngine -Driver ' | Sort-Object -CaseSensitive | Should -Be @('docker', 'podman')
        & $complete 'Connect-OciEngine -Driver p' | Should -Be @('podman')
    }
}
