#Requires -Version 7.2
# Private-registry pulls on Docker and Podman through every credential source (-Credential, config.json auths, a
# docker-credential-* helper via credsStore and credHelpers, Podman's auth.json, a PSCredential in Invoke-
# OciRequest -Parameters); none or a wrong password is Unauthorized; the password never shows; no credentials to
# a plain-text remote engine unless -AllowUnencryptedAuthentication. These tests change the process environment
# (restored after each).

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    $WrongPassword = 'not-the-Password-17'

    function Connect-Engine {
        # A new runspace connected ($c) to the test engine of that name, with the driver of that name.
        param([string] $Engine)
        $rs = New-TestRunspace
        $ep = if ($Engine -eq 'docker') { $Endpoint } else { $PodmanEndpoint }
        $r = Invoke-InRunspace $rs { param($e) $global:c = Connect-OciEngine -Endpoint $e; $c } @{ e = $ep }
        if ($r.AllErrors.Count -or $r.Output.Count -ne 1) { $rs.Dispose(); throw "Cannot connect to the $Engine test engine at $ep; start the test bed. $($r.AllErrors)" }
        $r.Output[0].Driver | Should -Be $Engine
        $rs
    }

    function Remove-Image {
        param($Runspace, [string] $Reference)
        $null = Invoke-InRunspace $Runspace { param($u) Invoke-OciRequest -Method REMOVE -Target $u -ErrorAction SilentlyContinue | Out-Null } @{ u = $Reference }
    }

    function Assert-Pulled {
        param($Result, [string] $Reference, [string] $Engine)
        $Result.AllErrors.Count | Should -Be 0 -Because "$($Result.AllErrors)"
        $responses = @($Result.Output | Where-Object { $_.GetType().FullName -eq 'Oci.OciResponse' })
        $responses.Count | Should -Be 1
        $responses[0].Method | Should -Be 'PULL'
        $responses[0].Target | Should -Be $Reference
        $responses[0].Engine.ToLowerInvariant() | Should -Be $Engine
        $responses[0].Data.Digest | Should -Match '^sha256:[0-9a-f]{64}$'
    }

    function Assert-Unauthorized {
        param($Result, [string] $Reference, [string] $Cmdlet)
        $Result.Output.Count | Should -Be 0
        $Result.AllErrors.Count | Should -Be 1
        $e = $Result.AllErrors[0]
        $e.FullyQualifiedErrorId | Should -Be "Oci.Unauthorized,Oci.PowerShell.$Cmdlet"
        $e.CategoryInfo.Category | Should -Be 'PermissionDenied'
        "$($e.TargetObject)" | Should -Be $Reference
    }

    function Assert-NoSecret {
        param($Result)
        $text = Get-StreamText $Result
        $text.Contains($AuthPassword) | Should -BeFalse -Because 'the password never shows'
        $text.Contains($WrongPassword) | Should -BeFalse -Because 'a wrong password never shows either'
    }

    function Assert-PullsWithoutCredentialParameter {
        param([string] $Engine)
        $rs = Connect-Engine $Engine
        $unique = New-PrivateImageTag
        try {
            $r = Invoke-InRunspace $rs { param($u) Invoke-OciPull $u -Verbose -Debug } @{ u = $unique }
            Assert-Pulled $r $unique $Engine
            Assert-NoSecret $r
        }
        finally {
            Remove-Image $rs $unique
            $rs.Dispose()
        }
    }

    function Get-HelperServers {
        param([string] $Helper)
        @(Get-CredentialHelperCalls $Helper | ForEach-Object { $_ -replace '^https?://', '' })
    }
}

Describe 'Registry credentials on <_>' -ForEach 'docker', 'podman' {
    BeforeEach {
        $engine = $_
        $box = New-TestSandbox
    }

    AfterEach {
        Remove-TestSandbox $box
    }

    It 'without credentials the pull is Unauthorized, on that reference' {
        $rs = Connect-Engine $engine
        try {
            $unique = New-PrivateImageTag
            $r = Invoke-InRunspace $rs { param($u) Invoke-OciPull $u -Verbose } @{ u = $unique }
            Assert-Unauthorized $r $unique 'InvokeOciPull'
        }
        finally { $rs.Dispose() }
    }

    It 'with -Credential the pull succeeds and the password shows nowhere' {
        $rs = Connect-Engine $engine
        $unique = New-PrivateImageTag
        try {
            $r = Invoke-InRunspace $rs { param($u) Invoke-OciPull $u -Credential (New-TestCredential) -Verbose -Debug } @{ u = $unique }
            Assert-Pulled $r $unique $engine
            @($r.Verbose | Where-Object { $_.Message.Contains("with the registry credential of user '$AuthUser'") }).Count | Should -BeGreaterThan 0
            Assert-NoSecret $r
        }
        finally {
            Remove-Image $rs $unique
            $rs.Dispose()
        }
    }

    It 'a wrong password is Unauthorized and no password shows' {
        $rs = Connect-Engine $engine
        try {
            $unique = New-PrivateImageTag
            $r = Invoke-InRunspace $rs { param($u, $p) Invoke-OciPull $u -Credential (New-TestCredential -Password $p) -Verbose -Debug } @{ u = $unique; p = $WrongPassword }
            Assert-Unauthorized $r $unique 'InvokeOciPull'
            Assert-NoSecret $r
        }
        finally { $rs.Dispose() }
    }

    It 'config.json auths in DOCKER_CONFIG pull' {
        $null = Write-SandboxConfig $box ('{"auths":{"' + $AuthRegistry + '":' + (New-AuthEntry $AuthUser $AuthPassword) + '}}')
        Assert-PullsWithoutCredentialParameter $engine
    }

    It 'a credsStore helper on PATH pulls' {
        $helper = New-CredentialHelper $box 'ocitest' $AuthRegistry $AuthUser $AuthPassword
        $null = Write-SandboxConfig $box '{"credsStore":"ocitest"}'
        Assert-PullsWithoutCredentialParameter $engine
        Get-HelperServers $helper | Should -Contain $AuthRegistry
    }

    It 'a credHelpers entry on PATH pulls' {
        $helper = New-CredentialHelper $box 'ocitest' $AuthRegistry $AuthUser $AuthPassword
        $null = Write-SandboxConfig $box ('{"credHelpers":{"' + $AuthRegistry + '":"ocitest"}}')
        Assert-PullsWithoutCredentialParameter $engine
        Get-HelperServers $helper | Should -Contain $AuthRegistry
    }

    It "Podman's auth.json (REGISTRY_AUTH_FILE) pulls" {
        $null = Write-SandboxFile $box 'auth.json' ('{"auths":{"' + $AuthRegistry + '":' + (New-AuthEntry $AuthUser $AuthPassword) + '}}')
        Assert-PullsWithoutCredentialParameter $engine
    }

    It 'Invoke-OciRequest PULL with a PSCredential parameter pulls' {
        $rs = Connect-Engine $engine
        $unique = New-PrivateImageTag
        try {
            $r = Invoke-InRunspace $rs { param($u) Invoke-OciRequest -Method PULL -Target $u -Parameters @{ credential = New-TestCredential } -Verbose -Debug } @{ u = $unique }
            Assert-Pulled $r $unique $engine
            @($r.Verbose | Where-Object { $_.Message.Contains("PULL IMAGE $unique credential=***") }).Count | Should -BeGreaterThan 0
            Assert-NoSecret $r
        }
        finally { Remove-Image $rs $unique }
        try {
            $wrong = Invoke-InRunspace $rs { param($u, $p) Invoke-OciRequest -Method PULL -Target $u -Parameters @{ credential = New-TestCredential -Password $p } -Verbose } @{ u = $unique; p = $WrongPassword }
            Assert-Unauthorized $wrong $unique 'InvokeOciRequest'
            Assert-NoSecret $wrong
        }
        finally { $rs.Dispose() }
    }
}

Describe 'A plain-text remote engine' {
    BeforeEach {
        $box = New-TestSandbox
        $fake = [Oci.Tests.Pester.FakeEngine]::new([Oci.Tests.Pester.FakeEngine]::NonLoopbackAddress())
        $rs = New-TestRunspace
        $reference = "$AuthRegistry/private:latest"
        $r = Invoke-InRunspace $rs { param($e) $global:c = Connect-OciEngine -Endpoint $e } @{ e = $fake.Endpoint }
        $r.AllErrors.Count | Should -Be 0
    }

    AfterEach {
        $rs.Dispose()
        $fake.Dispose()
        Remove-TestSandbox $box
    }

    It 'gets no credentials without -AllowUnencryptedAuthentication' {
        $r = Invoke-InRunspace $rs { param($u) Invoke-OciPull $u -Credential (New-TestCredential) -Verbose } @{ u = $reference }
        $r.Output.Count | Should -Be 0
        $r.AllErrors.Count | Should -Be 1
        $e = $r.AllErrors[0]
        $e.FullyQualifiedErrorId | Should -Be 'Oci.InvalidArgument,Oci.PowerShell.InvokeOciPull'
        $e.CategoryInfo.Category | Should -Be 'InvalidArgument'
        "$e" | Should -BeLike '*-AllowUnencryptedAuthentication*'
        "$e".Contains($fake.Endpoint) | Should -BeTrue
        @($fake.Requests | Where-Object { $_.Line.Contains('/images/create') }).Count | Should -Be 0
        Assert-NoSecret $r
    }

    It 'gets the credential with -AllowUnencryptedAuthentication' {
        $r = Invoke-InRunspace $rs { param($u) Invoke-OciPull $u -Credential (New-TestCredential) -AllowUnencryptedAuthentication -Verbose } @{ u = $reference }
        $create = @($fake.Requests | Where-Object { $_.Line.StartsWith('POST ') -and $_.Line.Contains('/images/create') })
        $create.Count | Should -Be 1
        $header = $create[0].Header('X-Registry-Auth')
        $header | Should -Not -BeNullOrEmpty -Because 'the pull reached the engine with X-Registry-Auth'
        $b64 = $header.Trim().Replace('-', '+').Replace('_', '/')
        $b64 = $b64.PadRight($b64.Length + (4 - $b64.Length % 4) % 4, '=')
        $auth = [System.Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($b64)) | ConvertFrom-Json
        $auth.username | Should -Be $AuthUser
        $auth.password | Should -Be $AuthPassword
        $r.AllErrors.Count | Should -Be 1 -Because 'the fake answers HTTP 500 to the pull itself'
        $r.AllErrors[0].FullyQualifiedErrorId | Should -Not -Be 'Oci.InvalidArgument,Oci.PowerShell.InvokeOciPull'
        Assert-NoSecret $r
    }
}
