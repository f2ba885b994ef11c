#Requires -Version 7.2
# Disconnect-OciRegistry: erases what a login stored (docker: config.json; podman: auth.json), says when nothing was, -WhatIf.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    Get-OciConnection | Disconnect-OciEngine
    $docker, $podman = Connect-BothEngines -Prefix logout
}

AfterAll {
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Disconnect-OciRegistry' {
    BeforeEach { $box = New-TestSandbox }
    AfterEach { Remove-TestSandbox $box }

    It 'erases the stored credential on <Name>, then says Not logged in' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $c = if ($Name -eq 'Docker') { $docker } else { $podman }
        $file = if ($Name -eq 'Docker') { Join-Path $box.Config 'config.json' } else { $box.AuthFile }
        $null = Connect-OciRegistry $AuthRegistry -Credential (New-TestCredential) -Connection $c
        (Get-Content $file -Raw | ConvertFrom-Json).auths.$AuthRegistry | Should -Not -BeNullOrEmpty
        $text = Get-WhatIfText { Disconnect-OciRegistry $AuthRegistry -Connection $c -WhatIf }
        $text | Should -BeLike "*What if: Performing the operation ""Log out and erase the stored credential""*"
        (Get-Content $file -Raw | ConvertFrom-Json).auths.$AuthRegistry | Should -Not -BeNullOrEmpty
        $out = Disconnect-OciRegistry $AuthRegistry -Connection $c -PassThru
        ($out.Status, $out.Store) | Should -Be @('Logged out', $file)
        $out.Connection | Should -Be $c
        (Get-Content $file -Raw | ConvertFrom-Json).auths.PSObject.Properties.Name | Should -Not -Contain $AuthRegistry
        (Disconnect-OciRegistry $AuthRegistry -Connection $c -PassThru).Status | Should -Be 'Not logged in'
    }

    It 'writes nothing without -PassThru; a malformed registry is Oci.InvalidArgument' {
        @(Disconnect-OciRegistry $AuthRegistry -Connection $docker).Count | Should -Be 0
        { Disconnect-OciRegistry 'bad host"' -Connection $docker -ErrorAction Stop } | Should -Throw -ErrorId 'Oci.InvalidArgument,Oci.PowerShell.DisconnectOciRegistry'
    }
}
