#Requires -Version 7.2
# Connect-OciEngine to the test bed dockerd's TLS listener (--tlsverify, OCI_TEST_DOCKER_TLS_HOST) with
# -CertificatePath, with DOCKER_TLS_VERIFY and DOCKER_CERT_PATH, without certificates and with certificates it
# does not trust; and the clear errors of a -CertificatePath that cannot be used. These tests change the process
# environment (restored after each).

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop

    # The folder a variable names (default: the test bed's fixed layout), as TestEnvironment.RequiredFolder does.
    function Get-RequiredFolder {
        param([string] $Variable, [string] $Fallback, [string] $What)
        $v = [Environment]::GetEnvironmentVariable($Variable)
        if (-not $v) { $v = $Fallback }
        if (-not (Test-Path -LiteralPath $v -PathType Container)) {
            throw "$Variable=$v is not a folder: it should hold $What (ca.pem, cert.pem, key.pem). Bring the test bed up with its TLS listener (eng/engines.sh up; dockerd --tlsverify on $TlsEndpoint) and load its variables (eval `"`$(bash eng/engines.sh env)`")."
        }
        $v
    }
}

AfterAll {
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'TLS' {
    BeforeEach {
        Disconnect-OciEngine -All
        $box = New-TestSandbox
    }

    AfterEach {
        Disconnect-OciEngine -All
        Remove-TestSandbox $box
    }

    It '-CertificatePath connects over TLS, and a pull works' {
        $certs = Get-RequiredFolder 'OCI_TEST_TLS_CERT_PATH' '/tmp/oci-testbed/tls/client' "the client certificates of the test bed's TLS listener"
        $all = @(Connect-OciEngine -Endpoint $TlsEndpoint -CertificatePath $certs -Verbose -ErrorAction Stop 4>&1)
        $c = @($all | Where-Object { $_ -is [Oci.PowerShell.OciConnection] })
        $c.Count | Should -Be 1
        $c = $c[0]
        $c.Tls | Should -BeTrue
        $c.Source | Should -Be 'explicit'
        $c.Engine | Should -Be 'Docker'
        $c.Connected | Should -BeTrue
        @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message.Contains('TLS (verify') -and $_.Message.Contains($certs) }).Count | Should -BeGreaterThan 0
        @(($c | Format-Table | Out-String -Width 160) -split "`r?`n" | Where-Object { $_.StartsWith("$($c.Name) ") -and $_.Contains('explicit +TLS') }).Count | Should -Be 1
        (Invoke-OciPull $Small -ErrorAction Stop).Target | Should -Be $Small
    }

    It 'without certificates the TLS endpoint is a clear error' {
        $e = { Connect-OciEngine -Endpoint $TlsEndpoint -ErrorAction Stop } | Should -Throw -ErrorId 'Oci.EngineUnavailable,Oci.PowerShell.ConnectOciEngine' -PassThru
        $e.CategoryInfo.Category | Should -Be 'ConnectionError'
        $e.TargetObject | Should -Be $TlsEndpoint
        "$e".Contains($TlsEndpoint) | Should -BeTrue
        $e.ErrorDetails.RecommendedAction | Should -BeLike '*-CertificatePath*'
        @(Get-OciConnection).Count | Should -Be 0
    }

    It 'certificates the engine does not trust are a clear error' {
        $other = Get-RequiredFolder 'OCI_TEST_TLS_OTHER_CERT_PATH' '/tmp/oci-testbed/tls/other' "a certificate set the test bed's TLS listener does not trust"
        $e = { Connect-OciEngine -Endpoint $TlsEndpoint -CertificatePath $other -ErrorAction Stop } | Should -Throw -PassThru
        $e.FullyQualifiedErrorId | Should -Match '^Oci\.\w+,Oci\.PowerShell\.ConnectOciEngine$'
        $e.FullyQualifiedErrorId | Should -Not -Be 'Oci.UnexpectedError,Oci.PowerShell.ConnectOciEngine'
        $e.TargetObject | Should -Be $TlsEndpoint
        "$e".Contains($TlsEndpoint) | Should -BeTrue
        $e.ErrorDetails.RecommendedAction | Should -BeLike '*ca.pem*'
        $e.ErrorDetails.RecommendedAction.Contains($other) | Should -BeTrue
        @(Get-OciConnection).Count | Should -Be 0
    }

    It 'DOCKER_TLS_VERIFY and DOCKER_CERT_PATH are honoured, for an explicit endpoint and for DOCKER_HOST' {
        $env:DOCKER_TLS_VERIFY = '1'
        $env:DOCKER_CERT_PATH = Get-RequiredFolder 'OCI_TEST_TLS_CERT_PATH' '/tmp/oci-testbed/tls/client' "the client certificates of the test bed's TLS listener"
        $c = Connect-OciEngine -Endpoint $TlsEndpoint -ErrorAction Stop
        $c.Tls | Should -BeTrue
        $c.Source | Should -Be 'explicit'
        (Invoke-OciRequest -Method PING).Status | Should -Be 'OK'

        $env:DOCKER_HOST = $TlsEndpoint
        $d = Connect-OciEngine -ErrorAction Stop
        $d.Tls | Should -BeTrue
        $d.Source | Should -Be 'DOCKER_HOST'
        $d.Engine | Should -Be 'Docker'
    }

    It 'a -CertificatePath that cannot be used is an InvalidArgument error on the path' {
        $empty = Join-Path $box.Root 'empty-certs'
        $null = New-Item -ItemType Directory -Path $empty
        Push-Location $box.Root
        try {
            $cases = @(
                @{ Script = { Connect-OciEngine -Endpoint $TlsEndpoint -CertificatePath ./missing -ErrorAction Stop }; Target = './missing'; Says = "'$(Join-Path $box.Root 'missing')' (-CertificatePath) does not exist" }
                @{ Script = { Connect-OciEngine -Endpoint $TlsEndpoint -CertificatePath $empty -ErrorAction Stop }; Target = $empty; Says = 'holds none of ca.pem, cert.pem and key.pem' }
                @{ Script = { Connect-OciEngine -CertificatePath $empty -ErrorAction Stop }; Target = $empty; Says = '-CertificatePath applies to the endpoint given with -Endpoint' }
                @{ Script = { Connect-OciEngine -Endpoint $Endpoint -CertificatePath $empty -ErrorAction Stop }; Target = $empty; Says = 'applies to tcp:// and https:// endpoints only' }
            )
            foreach ($case in $cases) {
                $e = $case.Script | Should -Throw -ErrorId 'Oci.InvalidArgument,Oci.PowerShell.ConnectOciEngine' -PassThru
                $e.CategoryInfo.Category | Should -Be 'InvalidArgument'
                $e.TargetObject | Should -Be $case.Target
                "$e".Contains($case.Says) | Should -BeTrue -Because "the error says: $($case.Says)"
            }
        }
        finally { Pop-Location }
        @(Get-OciConnection).Count | Should -Be 0
    }
}
