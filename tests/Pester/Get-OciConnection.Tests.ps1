#Requires -Version 7.2
# Get-OciConnection: all connections of the session, by name, by wildcard and from the pipeline.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
}

AfterAll {
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Get-OciConnection' {
    BeforeEach {
        Disconnect-OciEngine -All
    }

    It 'Get-OciConnection lists all, by name and by wildcard' {
        $null = Connect-TestEngine -Name web-1
        $null = Connect-TestEngine -Name web-2
        $null = Connect-TestEngine -Name db
        @(Get-OciConnection | ForEach-Object Name | Sort-Object -CaseSensitive) | Should -Be @('db', 'web-1', 'web-2')
        @(Get-OciConnection web* | ForEach-Object Name | Sort-Object -CaseSensitive) | Should -Be @('web-1', 'web-2')
        (Get-OciConnection -Name db).Name | Should -Be 'db'
        @(Get-OciConnection -Name 'db', 'web-2' | ForEach-Object Name | Sort-Object -CaseSensitive) | Should -Be @('db', 'web-2')
        @(Get-OciConnection 'nomatch*').Count | Should -Be 0
        @(Get-OciConnection | Where-Object { $_ -is [Oci.PowerShell.OciConnection] }).Count | Should -Be 3
    }

    It 'Get-OciConnection: an unknown literal name is a non-terminating not-found error; names bind from the pipeline' {
        $null = Connect-TestEngine -Name db
        $names = @(Get-OciConnection -Name nosuch, db -ErrorVariable errs -ErrorAction SilentlyContinue | ForEach-Object Name)
        $names += 'db' | Get-OciConnection | ForEach-Object Name
        $names += [pscustomobject]@{ Name = 'db' } | Get-OciConnection | ForEach-Object Name
        $names | Should -Be @('db', 'db', 'db')
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -Be 'Oci.ConnectionNotFound,Oci.PowerShell.GetOciConnection'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errs[0].TargetObject | Should -Be 'nosuch'
    }
}
