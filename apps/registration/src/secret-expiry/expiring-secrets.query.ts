import { Injectable } from '@nestjs/common';
import { AppViewDocument, fromDocument } from '../external-app/projections/app-view.model';
import { AppViewStore } from '../external-app/projections/app-view.store';
import {
  ExpiringSecretRef,
  ExpiringSecretsSource,
  ExpiringSelection,
  expiringSecretsOf,
} from './expiring-secrets';

/** Finds expiring secrets in the app views; the multikey index on secrets.expiresAt serves it. */
@Injectable()
export class ExpiringSecretsQuery implements ExpiringSecretsSource {
  constructor(private readonly views: AppViewStore) {}

  async find(selection: ExpiringSelection): Promise<ExpiringSecretRef[]> {
    const { now, windowMs } = selection;
    // Narrows only: FerretDB 1.x has no $elemMatch with field conditions, so the range may be
    // met by two different secrets of an app; expiringSecretsOf then selects exactly.
    const expiresAt = { $gt: now, $lte: new Date(now.getTime() + windowMs) };
    const documents = await this.views.model
      .find({ status: { $in: ['active', 'disabled'] }, 'secrets.expiresAt': expiresAt })
      .lean<AppViewDocument[]>();
    return expiringSecretsOf(documents.map(fromDocument), selection);
  }
}
