#Requires -Version 7.2
# Connect-OciEngine with an endpoint: the connection object, its name, the session default, and its errors.
# Finding the engine without -Endpoint: Connect-OciEngine.Discovery.Tests.ps1; TLS: Connect-
# OciEngine.Tls.Tests.ps1.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
}

AfterAll {
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Connect-OciEngine' {
    BeforeEach {
        Disconnect-OciEngine -All
    }

    It 'Connect-OciEngine outputs a typed connection, named oci1 then oci2 in a fresh runspace' {
        $rs = New-TestRunspace
        try {
            $r = Invoke-InRunspace $rs { Connect-OciEngine -Endpoint $Endpoint; Connect-OciEngine -Endpoint $Endpoint }
            $r.Errors | Should -BeNullOrEmpty
            $r.Output.Count | Should -Be 2
            $c = $r.Output[0]
            $c | Should -BeOfType ([Oci.PowerShell.OciConnection])
            $c.PSObject.TypeNames[0] | Should -Be 'Oci.PowerShell.OciConnection'
            $c.Name | Should -Be 'oci1'
            $r.Output[1].Name | Should -Be 'oci2'
            $c.Driver | Should -Be 'docker'
            $c.Endpoint | Should -Be $Endpoint
            $c.Engine | Should -Be 'Docker'
            $c.EngineVersion | Should -Match '^\d+\.\d+'
            $c.ApiVersion | Should -Match '^1\.\d+$'
            $c.Connected | Should -BeTrue
        }
        finally { $rs.Dispose() }
    }

    It 'takes the endpoint by position, and -Driver and -Name' {
        $c = Connect-OciEngine $Endpoint -Driver docker -Name 'pos'
        $c.Name | Should -Be 'pos'
        $c.Driver | Should -Be 'docker'
        $c.Endpoint | Should -Be $Endpoint
    }

    It 'refuses a name in use or a wildcard name, and keeps the session' {
        $c = Connect-TestEngine -Name dup
        $err = { Connect-OciEngine -Endpoint $Endpoint -Name dup -ErrorAction Stop } |
            Should -Throw -ErrorId 'Oci.ConnectionNameInUse,Oci.PowerShell.ConnectOciEngine' -PassThru
        $err.CategoryInfo.Category | Should -Be 'ResourceExists'
        $err.TargetObject | Should -Be 'dup'
        $err = { Connect-OciEngine -Endpoint $Endpoint -Name 'bad*' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Oci.InvalidArgument,Oci.PowerShell.ConnectOciEngine' -PassThru
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        (Get-OciConnection | ForEach-Object Name) -join ',' | Should -Be 'dup'
        $c.Connected | Should -BeTrue
    }

    It 'makes the new connection the default; disconnecting the default clears it' {
        $a = Connect-TestEngine -Name first
        $b = Connect-TestEngine -Name second
        Disconnect-OciEngine -Name first
        (Invoke-OciRequest -Method PING).Method | Should -Be 'PING'
        $t = Connect-TestEngine -Name third
        Disconnect-OciEngine -Name third
        { Invoke-OciRequest -Method PING -ErrorAction Stop } | Should -Throw -ErrorId 'Oci.NoConnection,Oci.PowerShell.InvokeOciRequest'
        (Invoke-OciRequest -Method PING -Connection $b).Status | Should -Be 'OK'
    }

    It 'a dead endpoint is a ConnectionError on that endpoint' {
        $err = { Connect-OciEngine -Endpoint $DeadEndpoint -Name dead -ErrorAction Stop } |
            Should -Throw -ErrorId 'Oci.EngineUnavailable,Oci.PowerShell.ConnectOciEngine' -PassThru
        $err.CategoryInfo.Category | Should -Be 'ConnectionError'
        $err.TargetObject | Should -Be $DeadEndpoint
        "$err" | Should -BeLike "*$DeadEndpoint*"
        @(Get-OciConnection).Count | Should -Be 0
        { Invoke-OciRequest -Method PING -ErrorAction Stop } | Should -Throw -ErrorId 'Oci.NoConnection,Oci.PowerShell.InvokeOciRequest'
    }

    It 'an endpoint that accepts and never answers fails after -Timeout, naming the endpoint and the timeout' {
        $silent = [System.Net.Sockets.TcpListener]::new([ipaddress]::Loopback, 0)
        $silent.Start() # the kernel accepts connections into the backlog; nothing ever answers them
        try {
            $ep = "tcp://127.0.0.1:$($silent.LocalEndpoint.Port)"
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $err = { Connect-OciEngine -Endpoint $ep -Timeout 1 -ErrorAction Stop } |
                Should -Throw -ErrorId 'Oci.EngineUnavailable,Oci.PowerShell.ConnectOciEngine' -PassThru
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 30 -Because 'a hang guard: the connect gives up after its timeout'
            $err.CategoryInfo.Category | Should -Be 'ConnectionError'
            $err.TargetObject | Should -Be $ep
            "$err" | Should -BeLike "*$ep*within 1 s*"
        }
        finally { $silent.Stop() }
    }

    It 'without -Timeout waits the default 10 s, the same as OciConnectOptions in C#' {
        $silent = [System.Net.Sockets.TcpListener]::new([ipaddress]::Loopback, 0)
        $silent.Start()
        try {
            $ep = "tcp://127.0.0.1:$($silent.LocalEndpoint.Port)"
            $err = { Connect-OciEngine -Endpoint $ep -ErrorAction Stop } | Should -Throw -ErrorId 'Oci.EngineUnavailable,Oci.PowerShell.ConnectOciEngine' -PassThru
            "$err" | Should -BeLike "*$ep*within 10 s*"
        }
        finally { $silent.Stop() }
    }

    It 'a timeout out of range is InvalidArgument before anything is contacted' {
        foreach ($t in 0, -1, 86401) {
            $err = { Connect-OciEngine -Endpoint $DeadEndpoint -Timeout $t -ErrorAction Stop } | Should -Throw -ErrorId 'Oci.InvalidArgument,Oci.PowerShell.ConnectOciEngine' -PassThru
            "$err" | Should -BeLike '*connect timeout*'
        }
    }

    It 'an unknown driver is an error naming it and the registered drivers' {
        $err = { Connect-OciEngine -Endpoint $Endpoint -Driver nosuchdriver -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'Oci.*,Oci.PowerShell.ConnectOciEngine'
        "$err" | Should -BeLike '*nosuchdriver*'
        "$err" | Should -BeLike '*docker*'
    }
}
