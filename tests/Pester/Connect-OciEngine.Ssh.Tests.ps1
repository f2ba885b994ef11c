#Requires -Version 7.2
# Connect-OciEngine over ssh:// through the test bed's sshd (OCI_TEST_SSH_*): dockerd and Podman, -KeyFilePath,
# -Credential, -SshOption, what works over it (requests, pulls, registry credentials, many requests at once), the
# places discovery finds (DOCKER_HOST, a context, CONTAINER_HOST, Podman connections) and the error record of each way
# ssh fails. ssh is pointed at the test bed's key and known_hosts, never at ~/.ssh. These tests change the process
# environment (restored after each).

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    $SshOption = Get-SshTestOption

    function Connect-Ssh {
        param([string] $To = $SshEndpoint, [string] $Key = $SshKey, [string[]] $Option = $SshOption, [hashtable] $More = @{})
        Connect-OciEngine -Endpoint $To -KeyFilePath $Key -SshOption $Option -ErrorAction Stop @More
    }

    function Get-ConnectError {
        # The error record of a Connect-OciEngine that must fail, checked for the id, category and target every ssh failure has.
        param([scriptblock] $Script, [string] $Id, [string] $Category, [object] $Target)
        $e = $Script | Should -Throw -ErrorId "$Id,Oci.PowerShell.ConnectOciEngine" -PassThru
        $e.CategoryInfo.Category | Should -Be $Category
        $e.TargetObject | Should -Be $Target
        @(Get-OciConnection).Count | Should -Be 0
        $e
    }
}

AfterAll {
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Connect-OciEngine over ssh://' {
    BeforeEach {
        Disconnect-OciEngine -All
        $box = New-TestSandbox
    }

    AfterEach {
        Disconnect-OciEngine -All
        Remove-TestSandbox $box
    }

    Context 'an explicit ssh:// endpoint' {
        It 'reaches dockerd with -KeyFilePath, encrypted, and requests work' {
            $c = Connect-Ssh
            $c.Endpoint | Should -Be $SshEndpoint
            $c.Engine | Should -Be 'Docker'
            $c.Driver | Should -Be 'docker'
            $c.Source | Should -Be 'explicit'
            $c.Tls | Should -BeTrue -Because 'ssh is an encrypted transport'
            $c.Connected | Should -BeTrue
            (Invoke-OciRequest -Method PING).Data.Engine | Should -Be 'Docker'
            (Invoke-OciRequest -Method VERSION).Data.Version | Should -Be $c.EngineVersion
        }

        It 'reaches Podman by its socket path, through the podman driver' {
            $c = Connect-Ssh -To $SshPodmanEndpoint
            $c.Engine | Should -Be 'Podman'
            $c.Driver | Should -Be 'podman'
            $c.Endpoint | Should -Be $SshPodmanEndpoint
            (Invoke-OciRequest -Method INFO).Data | Should -Not -BeNullOrEmpty
        }

        It 'pulls over ssh with per-layer progress, on <engine>' -TestCases @(
            @{ engine = 'Docker'; to = 'SshEndpoint' }
            @{ engine = 'Podman'; to = 'SshPodmanEndpoint' }
        ) {
            param($engine, $to)
            $unique = New-TestImageTag -Name layers
            $rs = New-TestRunspace
            try {
                $r = Invoke-InRunspace $rs {
                    param($to, $key, $options, $u)
                    $c = Connect-OciEngine -Endpoint $to -KeyFilePath $key -SshOption $options
                    # Without the image its tag was copied from, the engine must download the layers (and show them).
                    try { Invoke-OciRequest -Method REMOVE -Target $Layers -Parameters @{ force = $true } -Connection $c -ErrorAction Stop | Out-Null } catch { if ($_.FullyQualifiedErrorId -notlike 'Oci.ImageNotFound,*') { throw } }
                    Invoke-OciPull $u -Connection $c
                    Invoke-OciRequest -Method REMOVE -Target $u -Connection $c | Out-Null
                } @{ to = (Get-Variable $to -ValueOnly); key = $SshKey; options = $SshOption; u = $unique }
                $r.Errors.Count | Should -Be 0
                $r.Output.Count | Should -Be 1
                $r.Output[0].Status | Should -Be 'Downloaded newer image'
                $r.Output[0].Engine | Should -Be $engine
                $parent = $r.Progress[0].ActivityId
                @($r.Progress | Where-Object { $_.ParentActivityId -eq $parent -and $_.Activity -like 'Layer *' }).Count | Should -BeGreaterThan 0
            }
            finally { $rs.Dispose() }
        }

        It 'registry credentials cross ssh without -AllowUnencryptedAuthentication' {
            $private = New-PrivateImageTag
            $null = Connect-Ssh
            $r = Invoke-OciPull $private -Credential (New-TestCredential) -ErrorAction Stop
            $r.Target | Should -Be $private
            Invoke-OciRequest -Method REMOVE -Target $private | Out-Null
        }

        It 'sixteen requests at once over one ssh connection all succeed' {
            $c = Connect-Ssh
            $results = 1..16 | ForEach-Object -ThrottleLimit 16 -Parallel {
                Import-Module $using:ModulePath
                $m = @('PING', 'VERSION', 'INFO', 'LIST')[$_ % 4]
                (Invoke-OciRequest -Method $m -Connection $using:c -ErrorAction Stop).Method
            }
            @($results).Count | Should -Be 16
            @($results | Sort-Object -Unique) | Should -Be @('INFO', 'LIST', 'PING', 'VERSION')
        }

        It '-Credential gives the user name for an endpoint that names none' {
            $anonymous = $SshEndpoint -replace '//[^@/]+@', '//'
            $user = [pscredential]::new('root', [securestring]::new())
            $c = Connect-OciEngine -Endpoint $anonymous -Credential $user -KeyFilePath $SshKey -SshOption $SshOption -ErrorAction Stop
            $c.Engine | Should -Be 'Docker'
            $c.Endpoint | Should -Be $anonymous
        }

        It 'a key in a folder with spaces in its name works' {
            $folder = Join-Path $box.Root 'my keys'
            $null = New-Item -ItemType Directory -Path $folder
            $key = Join-Path $folder 'id ed25519'
            Copy-Item -LiteralPath $SshKey -Destination $key
            & chmod 600 $key
            (Connect-Ssh -Key $key).Engine | Should -Be 'Docker'
        }

        It 'a key the server refuses is Oci.Unauthorized (PermissionDenied)' {
            $e = Get-ConnectError { Connect-Ssh -Key $SshOtherKey } 'Oci.Unauthorized' 'PermissionDenied' $SshEndpoint
            "$e" | Should -BeLike '*Permission denied*'
            $e.ErrorDetails.RecommendedAction | Should -BeLike "*ssh -p*docker version*"
        }

        It 'an unknown host key is an error that says so' {
            $empty = Write-SandboxFile $box 'known_hosts' ''
            $e = Get-ConnectError { Connect-Ssh -Option (Get-SshTestOption -KnownHosts $empty) } 'Oci.EngineUnavailable' 'ConnectionError' $SshEndpoint
            "$e" | Should -BeLike '*host key*is not known*'
        }

        It 'a changed host key is an error that says so' {
            $e = Get-ConnectError { Connect-Ssh -Option (Get-SshTestOption -KnownHosts $SshChangedKnownHosts) } 'Oci.EngineUnavailable' 'ConnectionError' $SshEndpoint
            "$e" | Should -BeLike '*host key*CHANGED*'
        }

        It 'a closed port is Oci.EngineUnavailable' {
            $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
            $listener.Start()
            $closed = "ssh://root@127.0.0.1:$($listener.LocalEndpoint.Port)"
            $listener.Stop()
            $e = Get-ConnectError { Connect-Ssh -To $closed } 'Oci.EngineUnavailable' 'ConnectionError' $closed
            "$e" | Should -BeLike '*connection refused*'
        }

        It 'a remote without docker or podman says so' {
            $e = Get-ConnectError { Connect-Ssh -To $SshBareEndpoint } 'Oci.EngineUnavailable' 'ConnectionError' $SshBareEndpoint
            "$e" | Should -BeLike '*no engine CLI*docker is not on*podman is not on*'
        }

        It 'no ssh on PATH is Oci.Unsupported naming ssh' {
            $env:PATH = $box.Bin
            $e = Get-ConnectError { Connect-Ssh } 'Oci.Unsupported' 'NotImplemented' $SshEndpoint
            "$e" | Should -BeLike "*no 'ssh' on PATH*"
            $e.ErrorDetails.RecommendedAction | Should -BeLike '*OpenSSH client*'
        }

        It 'a -Credential with a password is refused, never shown' {
            $secret = 'ssh-Secret-' + [guid]::NewGuid().ToString('N')
            $cred = [pscredential]::new('root', (ConvertTo-SecureString $secret -AsPlainText -Force))
            $e = Get-ConnectError { Connect-OciEngine -Endpoint $SshEndpoint -Credential $cred -ErrorAction Stop } 'Oci.InvalidArgument' 'InvalidArgument' 'root'
            "$e" | Should -BeLike '*batch mode*password*'
            ($e | Format-List * -Force | Out-String) + $e.Exception.ToString() | Should -Not -BeLike "*$secret*"
        }

        It 'ssh parameters that cannot be used are Oci.InvalidArgument naming what was given' {
            $missing = Join-Path $box.Root 'no-such-key'
            $e = Get-ConnectError { Connect-OciEngine -Endpoint $SshEndpoint -KeyFilePath $missing -ErrorAction Stop } 'Oci.InvalidArgument' 'InvalidArgument' $missing
            "$e" | Should -BeLike '*does not exist*'
            $e = Get-ConnectError { Connect-OciEngine -Endpoint $Endpoint -KeyFilePath $SshKey -ErrorAction Stop } 'Oci.InvalidArgument' 'InvalidArgument' $SshKey
            "$e" | Should -BeLike '*applies to ssh:// endpoints only*'
            $e = Get-ConnectError { Connect-OciEngine -Endpoint $SshEndpoint -SshOption 'NotAnOption' -ErrorAction Stop } 'Oci.InvalidArgument' 'InvalidArgument' 'NotAnOption'
            "$e" | Should -BeLike '*Name=value*'
        }
    }

    Context 'ssh:// places discovery finds' {
        It 'an ssh:// DOCKER_HOST connects, its Source DOCKER_HOST' {
            $env:DOCKER_HOST = $SshEndpoint
            $c = Connect-OciEngine -KeyFilePath $SshKey -SshOption $SshOption -ErrorAction Stop
            $c.Source | Should -Be 'DOCKER_HOST'
            $c.Endpoint | Should -Be $SshEndpoint
            $c.Engine | Should -Be 'Docker'
        }

        It 'a Docker context with an ssh:// host connects' {
            $null = Write-SandboxContext $box 'remote' $SshEndpoint
            $null = Write-SandboxConfig $box '{"currentContext":"remote"}'
            $c = Connect-OciEngine -KeyFilePath $SshKey -SshOption $SshOption -ErrorAction Stop
            $c.Source | Should -Be "context 'remote'"
            $c.Engine | Should -Be 'Docker'
        }

        It 'CONTAINER_HOST with CONTAINER_SSHKEY connects, its Source CONTAINER_HOST' {
            $env:CONTAINER_HOST = $SshPodmanEndpoint
            $env:CONTAINER_SSHKEY = $SshKey
            $null = Add-DockerLink $box 'xdg/docker.sock'
            $c = Connect-OciEngine -SshOption $SshOption -ErrorAction Stop
            $c.Source | Should -Be 'CONTAINER_HOST'
            $c.Engine | Should -Be 'Podman'
            $c.Driver | Should -Be 'podman'
        }

        It "the default Podman connection connects, its Source podman connection 'name'" {
            $json = '{"Connection":{"Default":"box","Connections":{"box":{"URI":"' + $SshPodmanEndpoint + '","Identity":"' + $SshKey + '"}}}}'
            $null = Write-SandboxFile $box 'home/.config/containers/podman-connections.json' $json
            $null = Add-DockerLink $box 'xdg/docker.sock'
            $c = Connect-OciEngine -SshOption $SshOption -ErrorAction Stop
            $c.Source | Should -Be "podman connection 'box'"
            $c.Engine | Should -Be 'Podman'
            ($c | Format-Table | Out-String -Width 200) | Should -BeLike "*podman connection 'box'*"
        }

        It 'a configured ssh:// place that refuses is passed over with a warning' {
            $env:CONTAINER_HOST = $SshPodmanEndpoint
            $env:CONTAINER_SSHKEY = $SshOtherKey
            $local = Add-PodmanLink $box 'xdg/podman/podman.sock'
            $all = @(Connect-OciEngine -SshOption $SshOption -ErrorAction Stop 3>&1)
            $c = @($all | Where-Object { $_ -is [Oci.PowerShell.OciConnection] })[0]
            $c.Endpoint | Should -Be $local
            $warnings = @($all | Where-Object { $_ -is [System.Management.Automation.WarningRecord] })
            $warnings.Count | Should -Be 1
            $warnings[0].Message | Should -BeLike "CONTAINER_HOST ($SshPodmanEndpoint) was passed over*Permission denied*"
        }

        It '-Endpoint completes with the ssh:// places too' {
            $env:CONTAINER_HOST = $SshPodmanEndpoint
            $line = 'Connect-OciEngine -Endpoint ssh'
            $found = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches)
            # Quoted on the command line ('@' means something to PowerShell), as it is in the list.
            @($found | Where-Object { $_.CompletionText -eq "'$SshPodmanEndpoint'" -and $_.ListItemText -eq $SshPodmanEndpoint -and $_.ToolTip -eq 'CONTAINER_HOST' }).Count | Should -Be 1
        }
    }
}
