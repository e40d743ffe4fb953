import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { AccessPolicyService, UserAccountService, type AccountState, type Actor } from '#libs/auth';
import { CurrentActor } from './current-actor.decorator.js';

class AccountStateDto implements AccountState {
  @ApiProperty({ example: 'officer1' }) username!: string;
  @ApiProperty() disabled!: boolean;
  @ApiProperty({ description: 'sessions ended by this change (disabling ends them all)' }) endedSessions!: number;
}

@ApiTags('auth')
@ApiBearerAuth()
@Controller('users')
export class UserController {
  constructor(
    private readonly accounts: UserAccountService,
    private readonly access: AccessPolicyService,
  ) {}

  @Post(':username/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Administrators: stop a user logging in and end all their sessions (nothing is deleted)' })
  @ApiOkResponse({ type: AccountStateDto })
  async disable(@CurrentActor() actor: Actor, @Param('username') username: string): Promise<AccountStateDto> {
    await this.access.assertAdmin(actor, 'user.disable');
    return this.accounts.setDisabled(username, true, actor);
  }

  @Post(':username/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Administrators: let a disabled user log in again' })
  @ApiOkResponse({ type: AccountStateDto })
  async enable(@CurrentActor() actor: Actor, @Param('username') username: string): Promise<AccountStateDto> {
    await this.access.assertAdmin(actor, 'user.enable');
    return this.accounts.setDisabled(username, false, actor);
  }
}
