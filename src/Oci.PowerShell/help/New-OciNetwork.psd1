# Help for New-OciNetwork (see docs/help.md; the syntax comes from the cmdlet itself).
@{
    Synopsis      = 'Creates networks, like docker network create.'
    Description   = @(
        'New-OciNetwork creates each named network on each engine and outputs it (Oci.OciNetwork, with its Connection). Containers join it through their network mode. A name already taken is Oci.Conflict.'
    )
    Parameters    = @{
        Name       = 'The names of the networks: letters, digits and _ . - (starting with a letter or digit).'
        Driver     = 'The network driver (the engine''s default, bridge, when omitted).'
        Internal   = 'Containers on the network cannot reach outside it (docker network create --internal).'
        Subnet     = 'The subnet in CIDR form, e.g. 10.89.3.0/24. The engine picks one when omitted; one already used on the host is refused.'
        Gateway    = 'The gateway, an address in -Subnet (which it needs).'
        IPv6       = 'Enable IPv6 on the network.'
        Label      = 'Labels as a hashtable, e.g. @{ project = ''shop'' }.'
        Option     = 'The driver''s options as a hashtable.'
        Connection = 'The engines to create on. When omitted, the session default.'
    }
    DefaultValues = @{ Connection = 'The session default connection' }
    Inputs        = @( @{ Type = 'System.String'; Description = 'Network names.' } )
    Outputs       = @( @{ Type = 'Oci.OciNetwork'; Description = 'The network created; engine warnings go to the warning stream.' } )
    Notes         = @( 'Errors name the network: Oci.Conflict (ResourceBusy) for a name in use, Oci.InvalidArgument for a malformed name, subnet or gateway. The confirm impact is Low.' )
    Examples      = @(
        @{
            Title   = 'An internal network with its own subnet'
            Code    = @'
PS> New-OciNetwork backend -Internal -Subnet 10.89.3.0/24 -Label @{ project = 'shop' }
'@
            Remarks = 'Creates a bridge network whose containers reach only each other.'
        }
    )
    Links         = @( @{ Text = 'Get-OciNetwork' }; @{ Text = 'Remove-OciNetwork' } )
}
