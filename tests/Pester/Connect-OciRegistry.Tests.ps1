#Requires -Version 7.2
# Connect-OciRegistry on Docker and Podman: a wrong password is Oci.Unauthorized and stores nothing; a right one is stored
# as docker login (config.json auths, or the credsStore helper) and podman login (auth.json) store it, and a pull then
# needs no -Credential; the secret appears nowhere. Every test works in a throw-away DOCKER_CONFIG / REGISTRY_AUTH_FILE.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    Get-OciConnection | Disconnect-OciEngine
    $docker, $podman = Connect-BothEngines -Prefix login
}

AfterAll {
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Connect-OciRegistry' {
    BeforeEach { $box = New-TestSandbox }
    AfterEach { Remove-TestSandbox $box }

    It 'a wrong password on <Name> is Oci.Unauthorized naming the registry, stores nothing and shows no secret' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $engine = if ($Name -eq 'Docker') { $Endpoint } else { $PodmanEndpoint }
        $rs = New-TestRunspace
        try {
            $r = Invoke-InRunspace $rs { param($e) $x = Connect-OciEngine -Endpoint $e; Connect-OciRegistry $AuthRegistry -Credential (New-TestCredential -Password 'wrong-Secret-77') -Connection $x -Verbose } @{ e = $engine }
            $r.Errors.Count | Should -Be 1
            $r.Errors[0].FullyQualifiedErrorId | Should -Be 'Oci.Unauthorized,Oci.PowerShell.ConnectOciRegistry'
            $r.Errors[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
            $r.Errors[0].TargetObject | Should -Be $AuthRegistry
            Get-StreamText $r | Should -Not -Match 'wrong-Secret-77'
            Test-Path (Join-Path $box.Config 'config.json') | Should -BeFalse
            Test-Path $box.AuthFile | Should -BeFalse
        }
        finally { $rs.Dispose() }
    }

    It 'stores the credential as docker login does (auths in config.json), and a pull then needs no -Credential' {
        $private = New-PrivateImageTag
        $rs = New-TestRunspace
        try {
            $r = Invoke-InRunspace $rs { param($p) $x = Connect-OciEngine -Endpoint $Endpoint; Connect-OciRegistry $AuthRegistry -Credential (New-TestCredential) -Connection $x -Verbose; Invoke-OciPull $p -Connection $x } @{ p = $private }
            $r.Errors.Count | Should -Be 0
            $login = $r.Output[0]
            $login.GetType().FullName | Should -Be 'Oci.OciRegistryLogin'
            ($login.ServerAddress, $login.Username, $login.Status) | Should -Be @($AuthRegistry, $AuthUser, 'Login Succeeded')
            $login.Store | Should -Be (Join-Path $box.Config 'config.json')
            $auth = (Get-Content $login.Store -Raw | ConvertFrom-Json).auths.$AuthRegistry.auth
            [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($auth)) | Should -Be "${AuthUser}:$AuthPassword"
            $r.Output[1].Status | Should -Be 'Downloaded newer image'
            Get-StreamText $r | Should -Not -Match ([regex]::Escape($AuthPassword))
        }
        finally { $rs.Dispose(); Remove-OciImage $private -Connection $docker -ErrorAction SilentlyContinue }
    }

    It 'stores through the credsStore helper (docker-credential-<name> store), leaving an empty auths entry as docker does' {
        Write-SandboxConfig $box '{"credsStore":"ocitest"}' | Out-Null
        $helper = Join-Path $box.Bin 'docker-credential-ocitest'
        Set-Content $helper -Value @(
            '#!/usr/bin/env bash'
            'verb=$1; input=$(cat); printf ''%s %s\n'' "$verb" "$(printf %s "$input" | head -c 40)" >> "$0.log"'
            'case "$verb" in store) printf %s "$input" > "$0.stored" ;; erase) rm -f "$0.stored" ;; get) [ -f "$0.stored" ] && cat "$0.stored" || { echo "credentials not found in native keychain"; exit 1; } ;; esac'
        )
        & chmod 755 $helper
        $rs = New-TestRunspace
        try {
            $r = Invoke-InRunspace $rs { $x = Connect-OciEngine -Endpoint $Endpoint; Connect-OciRegistry $AuthRegistry -Credential (New-TestCredential) -Connection $x }
            $r.Errors.Count | Should -Be 0
            $r.Output[0].Store | Should -Be 'docker-credential-ocitest'
            @(Get-Content "$helper.log")[0] | Should -BeLike 'store {"ServerURL":*'
            (Get-Content "$helper.stored" -Raw | ConvertFrom-Json).Secret | Should -Be $AuthPassword
            $entry = (Get-Content (Join-Path $box.Config 'config.json') -Raw | ConvertFrom-Json).auths.$AuthRegistry
            $null -eq $entry | Should -BeFalse -Because 'docker leaves an auths entry for a registry its store keeps'
            @($entry.PSObject.Properties).Count | Should -Be 0
            # No credential given: the stored one is checked again.
            (Invoke-InRunspace $rs { $x = Connect-OciEngine -Endpoint $Endpoint; Connect-OciRegistry $AuthRegistry -Connection $x }).Output[0].Status | Should -Be 'Login Succeeded'
        }
        finally { $rs.Dispose() }
    }

    It 'stores the credential as podman login does (auths in the auth file) for the podman driver' {
        $rs = New-TestRunspace
        try {
            $r = Invoke-InRunspace $rs { $x = Connect-OciEngine -Endpoint $PodmanEndpoint; Connect-OciRegistry $AuthRegistry -Credential (New-TestCredential) -Connection $x }
            $r.Errors.Count | Should -Be 0
            $r.Output[0].Store | Should -Be $box.AuthFile
            $auth = (Get-Content $box.AuthFile -Raw | ConvertFrom-Json).auths.$AuthRegistry.auth
            [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($auth)) | Should -Be "${AuthUser}:$AuthPassword"
            Test-Path (Join-Path $box.Config 'config.json') | Should -BeFalse
        }
        finally { $rs.Dispose() }
    }

    It '-ConfigPath stores elsewhere; -WhatIf stores nothing; a malformed registry is Oci.InvalidArgument' {
        $folder = Join-Path $box.Root 'elsewhere'
        $login = Connect-OciRegistry $AuthRegistry -Credential (New-TestCredential) -ConfigPath $folder -Connection $docker
        $login.Store | Should -Be (Join-Path $folder 'config.json')
        $login.Connection | Should -Be $docker
        $text = Get-WhatIfText { Connect-OciRegistry $AuthRegistry -Credential (New-TestCredential) -Connection $docker -WhatIf }
        $text | Should -BeLike "*What if: Performing the operation ""Log in as $AuthUser and store the credential"" on target ""$AuthRegistry through login-docker*"
        Test-Path (Join-Path $box.Config 'config.json') | Should -BeFalse
        Connect-OciRegistry 'bad host"' -Credential (New-TestCredential) -Connection $docker -ErrorVariable ev -ErrorAction SilentlyContinue
        $ev[0].FullyQualifiedErrorId | Should -Be 'Oci.InvalidArgument,Oci.PowerShell.ConnectOciRegistry'
    }
}
